package dev.cdkbootstrap.it;

import dev.cdkbootstrap.sandbox.emulator.MotoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One emulator per test class, reset before each test. {@link #moto()} uses {@code AWS_ENDPOINT_URL}
 * when set (a moto already running) or starts a fresh {@code moto_server}; {@link #localStack()}
 * runs LocalStack in a container and is skipped when Docker is not available.
 */
public final class EmulatorExtension implements Emulator, BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ExecutionCondition {
    static final String REGION = "eu-west-1";
    private static final String LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";

    private final boolean localStack;
    private URI endpoint;
    private String resetPath;
    private AutoCloseable running;

    private EmulatorExtension(boolean localStack) {
        this.localStack = localStack;
    }

    public static EmulatorExtension moto() {
        return new EmulatorExtension(false);
    }

    public static EmulatorExtension localStack() {
        return new EmulatorExtension(true);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (localStack && !DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.disabled("LocalStack needs Docker, which is not available here");
        }
        return ConditionEvaluationResult.enabled("emulator available");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (localStack) {
            LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE));
            container.start();
            running = container;
            endpoint = container.getEndpoint();
            resetPath = "/_localstack/state/reset";
            return;
        }
        String given = System.getenv("AWS_ENDPOINT_URL");
        if (given != null && !given.isBlank()) {
            endpoint = URI.create(given);
        } else {
            Path log = Path.of("target", "moto-" + context.getRequiredTestClass().getSimpleName() + ".log");
            MotoServer server = MotoServer.start(log);
            running = server;
            endpoint = server.endpoint();
        }
        resetPath = "/moto-api/reset";
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean supports(String service) {
        return !localStack || !(service.equals("codebuild") || service.equals("ec2-opt-in"));
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String region() {
        return REGION;
    }

    @Override
    public void reset() {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(resetPath)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("emulator reset answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
