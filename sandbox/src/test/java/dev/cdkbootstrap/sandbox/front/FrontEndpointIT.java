package dev.cdkbootstrap.sandbox.front;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.emulator.MotoServer;
import dev.cdkbootstrap.sandbox.lambda.LocalLambdas;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** The front endpoint answers Lambda Invoke like the Java runtime and forwards the rest to moto intact. */
class FrontEndpointIT {
    private static MotoServer moto;
    private static FrontEndpoint front;

    @BeforeAll
    static void start() throws Exception {
        int port = MotoServer.freePort();
        moto = MotoServer.startWithCallbackPort(port, Path.of("target/sandbox-it/moto-front.log"));
        LocalLambdas lambdas = new LocalLambdas(EmulatorClients.MOTO_DEFAULT_ACCOUNT, System.out)
                .register("Echo", (in, out, context) -> out.write(in.readAllBytes()))
                .register("Fails", (in, out, context) -> {
                    throw new IllegalStateException("no good");
                });
        front = FrontEndpoint.start(port, new MotoForwarder(moto.endpoint()), List.of(lambdas), List.of(), System.out);
    }

    @AfterAll
    static void stop() {
        if (front != null) front.close();
        if (moto != null) moto.close();
    }

    private static HttpResponse<String> invoke(String function, String payload) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        front.endpoint().resolve("/2015-03-31/functions/" + function + "/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHandlersOutputIsThePayload() throws Exception {
        HttpResponse<String> response = invoke("arn:aws:lambda:us-east-1:123456789012:function:Echo:live", "{\"a\":1}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"a\":1}");
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
    }

    @Test
    void aThrownExceptionIsAnUnhandledFunctionErrorNamingItsClass() throws Exception {
        HttpResponse<String> response = invoke("Fails", "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
        JsonNode error = Json.tolerant().readTree(response.body());
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("errorMessage").asText()).isEqualTo("no good");
        assertThat(error.path("stackTrace").isArray()).isTrue();
    }

    @Test
    void headRequestsKeepTheObjectsContentLength() {
        try (EmulatorClients clients = new EmulatorClients(front.endpoint(), "eu-west-1")) {
            var s3 = clients.s3();
            s3.createBucket(b -> b.bucket("front").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
            s3.putObject(b -> b.bucket("front").key("k"), RequestBody.fromString("hello"));
            assertThat(s3.headObject(b -> b.bucket("front").key("k")).contentLength()).isEqualTo(5L);
            assertThat(s3.getObjectAsBytes(b -> b.bucket("front").key("k")).asUtf8String()).isEqualTo("hello");
        }
    }
}
