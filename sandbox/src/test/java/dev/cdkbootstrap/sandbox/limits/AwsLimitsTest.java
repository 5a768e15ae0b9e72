package dev.cdkbootstrap.sandbox.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cdkbootstrap.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AwsLimitsTest {

    @Test
    void aPayloadOfExactly262144BytesPassesAndOneByteMoreTrips() {
        TextNode atLimit = TextNode.valueOf("x".repeat(262_142)); // + 2 quotes
        TextNode overLimit = TextNode.valueOf("x".repeat(262_143));

        assertThat(AwsLimits.jsonBytes(atLimit)).isEqualTo(262_144);
        assertThat(AwsLimits.overPayload(AwsLimits.jsonBytes(atLimit))).isFalse();
        assertThat(AwsLimits.overPayload(AwsLimits.jsonBytes(overLimit))).isTrue();
    }

    @Test
    void multibyteCharactersCountInUtf8Bytes() {
        TextNode atLimit = TextNode.valueOf("é".repeat(131_071)); // 2 bytes each: 262,142 + 2 quotes
        TextNode overLimit = TextNode.valueOf("é".repeat(131_072));

        assertThat(atLimit.asText().length()).as("characters").isEqualTo(131_071);
        assertThat(AwsLimits.overPayload(AwsLimits.jsonBytes(atLimit))).isFalse();
        assertThat(AwsLimits.jsonBytes(overLimit)).isEqualTo(262_146);
        assertThat(AwsLimits.overPayload(AwsLimits.jsonBytes(overLimit))).isTrue();
        assertThat(AwsLimits.utf8Bytes("a€😀")).isEqualTo(1 + 3 + 4)
                .isEqualTo("a€😀".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aBodyIsMeasuredAsCompactJsonWhateverSpacesAndEscapesTheSenderUsed() {
        // moto's interpreter sends Python json.dumps text: ", " and ": " separators, non-ASCII \\u-escaped.
        byte[] moto = "{\"a\": \"\\u00e9\", \"b\": [1, 2]}".getBytes(StandardCharsets.UTF_8);

        assertThat(AwsLimits.payloadBytes(moto)).isEqualTo("{\"a\":\"é\",\"b\":[1,2]}".getBytes(StandardCharsets.UTF_8).length);
        assertThat(AwsLimits.payloadBytes("not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(8);
    }

    @Test
    void aCauseKeepsItsFirst32768CharactersAndNeverHalfACharacter() {
        String atLimit = "c".repeat(32_768);
        String surrogateAtTheCut = "c".repeat(32_767) + "😀tail";

        assertThat(AwsLimits.cutCause(atLimit)).isSameAs(atLimit);
        assertThat(AwsLimits.cutCause(atLimit + "d")).isEqualTo(atLimit);
        assertThat(AwsLimits.cutCause(surrogateAtTheCut)).isEqualTo("c".repeat(32_767));
    }

    @Test
    void anErrorDocumentOverTheCauseLimitIsShortenedKeepingItsErrorType() {
        ObjectNode document = Json.tolerant().createObjectNode().put("errorMessage", "m".repeat(40_000))
                .put("errorType", "dev.cdkbootstrap.workflow.error.ConfigInvalid");
        document.putArray("stackTrace").add("at A.b(A.java:1)").add("at C.d(C.java:2)");

        ObjectNode fitted = AwsLimits.fitErrorDocument(document).orElseThrow();

        assertThat(fitted.toString().length()).isLessThanOrEqualTo(32_768).isGreaterThan(32_000);
        assertThat(fitted.path("errorType").asText()).isEqualTo("dev.cdkbootstrap.workflow.error.ConfigInvalid");
        assertThat(fitted.path("errorMessage").asText()).startsWith("mmm").endsWith("characters of a cause]");
        assertThat(fitted.path("stackTrace")).isEmpty();
    }

    @Test
    void anErrorDocumentThatFitsIsLeftAsItIs() {
        ObjectNode document = Json.tolerant().createObjectNode().put("errorType", "E");
        document.put("errorMessage", "m".repeat(32_768 - document.toString().length() - "\"errorMessage\":\"\",".length()));

        assertThat(document.toString()).hasSize(32_768);
        assertThat(AwsLimits.fitErrorDocument(document)).isEmpty();
        assertThat(AwsLimits.fitErrorDocument(document.put("errorMessage", document.path("errorMessage").asText() + "m")))
                .isPresent();
    }

    @Test
    void awsTextsAreTheOnesAwsWrites() {
        assertThat(AwsLimits.historyCause(25_000)).isEqualTo("The execution reached the maximum number of history events (25000).");
        assertThat(AwsLimits.responseTooLarge().toString()).isEqualTo("{\"errorMessage\":\"Response payload size exceeded "
                + "maximum allowed payload size (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}");
    }
}
