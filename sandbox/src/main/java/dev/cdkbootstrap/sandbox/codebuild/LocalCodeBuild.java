package dev.cdkbootstrap.sandbox.codebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.Route;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CodeBuild for real, on this machine: {@code StartBuild} runs the project's buildspec with bash
 * (at most {@code parallelBuilds} at a time, the rest queue), {@code BatchGetBuilds} reports status and
 * the failed phase, {@code StopBuild} kills the build. The build's shell gets the project's and the
 * request's environment variables, {@code AWS_ENDPOINT_URL} = the front endpoint, and credentials of
 * the orchestrator account (standing in for the CodeBuild service role). A repeated
 * {@code idempotencyToken} returns the first build. Other CodeBuild calls go on to moto. With
 * {@link #simulate} builds run as {@link SimulatedBuilds} instead (same queue, same answers); so do the
 * builds of an older CDK CLI ({@link #simulateOlderCli}).
 */
public final class LocalCodeBuild implements Route, AutoCloseable {
    private static final String PREFIX = "CodeBuild_20161006.";

    private final Map<String, BuildProject> projects = new ConcurrentHashMap<>();
    private final Map<String, LocalBuild> builds = new ConcurrentHashMap<>();
    private final Map<String, String> buildByToken = new ConcurrentHashMap<>();
    private final AtomicInteger started = new AtomicInteger();
    private final ExecutorService runner;
    private final Toolchain toolchain;
    private final Path workDir;
    private final PrintStream log;
    private volatile URI endpoint;
    private volatile SimulatedBuilds simulated;
    private volatile String olderCliVersion;
    private volatile SimulatedBuilds olderCli;

    public LocalCodeBuild(Toolchain toolchain, Path workDir, int parallelBuilds, PrintStream log) {
        this.toolchain = toolchain;
        this.workDir = workDir.toAbsolutePath();
        this.runner = Executors.newFixedThreadPool(parallelBuilds,
                Thread.ofPlatform().name("sandbox-build-", 1).daemon(true).factory());
        this.log = log;
    }

    public void register(BuildProject project) {
        projects.put(project.name(), project);
    }

    /** Where builds send their AWS calls (the front endpoint, known once it listens). */
    public void endpoint(URI frontEndpoint) {
        this.endpoint = frontEndpoint;
    }

    /** From now on builds are simulated ({@code --simulated-builds}): no bash, no node. */
    public void simulate(SimulatedBuilds builds) {
        this.simulated = builds;
    }

    /**
     * From now on builds whose {@code CDK_VERSION} is {@code version} (an older CLI, not installed here:
     * {@code --upgrade-cdk-from}) run as {@code builds}, whatever the other builds do.
     */
    public void simulateOlderCli(String version, SimulatedBuilds builds) {
        this.olderCli = builds;
        this.olderCliVersion = version; // read first by run(): set last
    }

    /** Builds started and not yet ended (for progress). */
    public int runningBuilds() {
        return (int) builds.values().stream().filter(build -> !build.done()).count();
    }

    /** Builds started so far (a repeated idempotency token does not count). */
    public int startedBuilds() {
        return started.get();
    }

    @Override
    public Optional<Reply> handle(Exchange exchange, MotoForwarder moto) throws IOException {
        String target = exchange.target();
        if (!target.startsWith(PREFIX)) {
            return Optional.empty();
        }
        JsonNode request = Json.tolerant().readTree(exchange.body().length == 0 ? "{}".getBytes() : exchange.body());
        return switch (target.substring(PREFIX.length())) {
            case "StartBuild" -> Optional.of(startBuild(request));
            case "BatchGetBuilds" -> Optional.of(batchGetBuilds(request));
            case "StopBuild" -> Optional.of(stopBuild(request));
            default -> Optional.empty();
        };
    }

    private Reply startBuild(JsonNode request) throws IOException {
        String projectName = request.path("projectName").asText();
        BuildProject project = projects.get(projectName);
        if (project == null) {
            return error("ResourceNotFoundException", "Project cannot be found: " + projectName);
        }
        String token = request.path("idempotencyToken").asText("");
        if (!token.isEmpty() && buildByToken.containsKey(token)) {
            return wrap(builds.get(buildByToken.get(token)));
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        request.path("environmentVariablesOverride")
                .forEach(v -> overrides.put(v.path("name").asText(), v.path("value").asText()));
        String id = projectName + ":" + UUID.randomUUID();
        Files.createDirectories(workDir.resolve("builds"));
        LocalBuild build = new LocalBuild(id, project, overrides,
                workDir.resolve("builds").resolve(id.replace(':', '-') + ".log"));
        builds.put(id, build);
        if (!token.isEmpty()) {
            buildByToken.put(token, id);
        }
        started.incrementAndGet();
        runner.submit(() -> run(build));
        return wrap(build);
    }

    private void run(LocalBuild build) {
        if (build.done()) {
            return; // stopped while queued
        }
        SimulatedBuilds simulation = simulated;
        String older = olderCliVersion;
        if (older != null && older.equals(build.overrides().get("CDK_VERSION"))) {
            simulation = olderCli;
        }
        if (simulation != null) {
            simulation.run(build);
            return;
        }
        new BuildProcess(build, toolchain, endpoint, EmulatorClients.ACCESS_KEY, EmulatorClients.SECRET_KEY, log).run();
    }

    private Reply batchGetBuilds(JsonNode request) {
        ObjectNode response = Json.tolerant().createObjectNode();
        ArrayNode found = response.putArray("builds");
        ArrayNode missing = response.putArray("buildsNotFound");
        request.path("ids").forEach(id -> {
            LocalBuild build = builds.get(id.asText());
            if (build == null) {
                missing.add(id.asText());
            } else {
                found.add(build.toJson());
            }
        });
        return Reply.json(200, response.toString());
    }

    private Reply stopBuild(JsonNode request) {
        LocalBuild build = builds.get(request.path("id").asText());
        if (build == null) {
            return error("ResourceNotFoundException", "Build not found: " + request.path("id").asText());
        }
        build.stop();
        return wrap(build);
    }

    private static Reply wrap(LocalBuild build) {
        ObjectNode response = Json.tolerant().createObjectNode();
        response.set("build", build.toJson());
        return Reply.json(200, response.toString());
    }

    private static Reply error(String type, String message) {
        return Reply.json(400, Json.tolerant().createObjectNode().put("__type", type).put("message", message).toString());
    }

    @Override
    public void close() {
        builds.values().stream().filter(b -> !b.done()).forEach(LocalBuild::stop);
        runner.shutdownNow();
        try {
            runner.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
