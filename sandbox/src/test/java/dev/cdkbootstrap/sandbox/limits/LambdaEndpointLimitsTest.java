package dev.cdkbootstrap.sandbox.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.limits.LambdaLimits.Invocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Lambda endpoint's checks, without an emulator: no execution is located, so none is stopped. */
class LambdaEndpointLimitsTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final LimitNotices notices = new LimitNotices(new PrintStream(log, true, StandardCharsets.UTF_8));
    private final Executions executions = new Executions(new MotoForwarder(URI.create("http://127.0.0.1:9")));
    private final LambdaEndpointLimits limits = new LambdaEndpointLimits(executions,
            new ExecutionFailures(executions, new MotoForwarder(URI.create("http://127.0.0.1:9"))), notices);
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aResultOfExactlyTheLimitGoesBackAndOneByteMoreFailsWithDataLimitExceeded() {
        Reply atLimit = enforce("{}", jsonString(262_144));
        Reply overLimit = enforce("{}", jsonString(262_145));

        assertThat(atLimit.headers()).doesNotContainKey("X-Amz-Function-Error");
        assertThat(atLimit.body()).hasSize(262_144);
        assertThat(overLimit.headers()).containsKey("X-Amz-Function-Error");
        assertThat(error(overLimit).path("errorType").asText()).isEqualTo("States.DataLimitExceeded");
        assertThat(error(overLimit).path("errorMessage").asText()).contains("Work").contains("262,145 bytes");
        assertThat(notices.drain()).singleElement().asString().contains("States.DataLimitExceeded")
                .contains("cannot tell which execution");
    }

    @Test
    void anInputOverTheLimitIsRefusedWithoutRunningTheFunction() {
        String input = "{\"run\":{\"runId\":\"r1\"},\"blob\":\"" + "x".repeat(262_144) + "\"}";

        Reply reply = enforce(input, "{}");

        assertThat(runs).hasValue(0);
        assertThat(error(reply).path("errorType").asText()).isEqualTo("States.DataLimitExceeded");
        assertThat(error(reply).path("errorMessage").asText()).contains("received an input")
                .contains(AwsLimits.bytes(input.length()) + " bytes");
        assertThat(notices.drain()).singleElement().asString().contains("run id r1");
    }

    @Test
    void aReplyOverSixMegabytesBecomesLambdasOwnErrorAndAReplyOfExactlySixDoesNot() {
        Reply atLimit = enforce("{}", jsonString(6_291_556));
        Reply overLimit = enforce("{}", jsonString(6_291_557));

        assertThat(error(atLimit).path("errorType").asText()).as("6 MB passes Lambda, not Step Functions")
                .isEqualTo("States.DataLimitExceeded");
        assertThat(error(overLimit)).isEqualTo(AwsLimits.responseTooLarge());
        assertThat(notices.drain()).last().asString().contains("6,291,557 bytes").contains("Function.ResponseSizeTooLarge");
    }

    @Test
    void anErrorDocumentOverTheCauseLimitIsShortenedAndSaid() {
        String document = Json.tolerant().createObjectNode()
                .put("errorMessage", "m".repeat(40_000)).put("errorType", "x.Broken").toString();
        Reply thrown = Reply.of(200, "application/json", document);
        thrown.headers().put("X-Amz-Function-Error", List.of("Unhandled"));

        Reply reply = limits.enforce(invocation("{}"), () -> thrown);

        assertThat(reply.bodyText().length()).isLessThanOrEqualTo(32_768);
        assertThat(error(reply).path("errorType").asText()).isEqualTo("x.Broken");
        assertThat(notices.drain()).singleElement().asString().contains(AwsLimits.bytes(document.length()) + " characters");
    }

    @Test
    void theRunIdComesFromTheTopLevelOrFromRun() throws Exception {
        assertThat(LambdaEndpointLimits.runId(Json.tolerant().readTree("{\"runId\":\"a\",\"execution\":{}}"))).isEqualTo("a");
        assertThat(LambdaEndpointLimits.runId(Json.tolerant().readTree("{\"run\":{\"runId\":\"b\"},\"item\":{}}"))).isEqualTo("b");
        assertThat(LambdaEndpointLimits.runId(Json.tolerant().readTree("{\"detail\":{}}"))).isNull();
        assertThat(LambdaEndpointLimits.runId(null)).isNull();
    }

    @Test
    void aCollectedResultIsTheJsonArrayOfTheOutputs() {
        assertThat(LambdaEndpointLimits.collectedSize(1, 10)).isEqualTo("[0123456789]".length());
        assertThat(LambdaEndpointLimits.collectedSize(3, 3)).isEqualTo("[1,2,3]".length());
        // ~470 targets of a 556-byte TargetResult make the 256 KiB the brief warns about
        assertThat(AwsLimits.overPayload(LambdaEndpointLimits.collectedSize(470, 470 * 556))).isFalse();
        assertThat(AwsLimits.overPayload(LambdaEndpointLimits.collectedSize(471, 471 * 556))).isTrue();
    }

    private Reply enforce(String input, String replyBody) {
        return limits.enforce(invocation(input), () -> {
            runs.incrementAndGet();
            return Reply.of(200, "application/json", replyBody);
        });
    }

    /** A JSON string whose text (with its quotes) is {@code bytes} long. */
    private static String jsonString(int bytes) {
        return "\"" + "x".repeat(bytes - 2) + "\"";
    }

    private static Invocation invocation(String input) {
        return new Invocation("Work", "eu-west-1", "123456789012", input.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode error(Reply reply) {
        try {
            return Json.tolerant().readTree(reply.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
