package dev.cdkbootstrap.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import org.junit.jupiter.api.Test;

class AslAdjustmentsTest {
    private static JsonNode definition() throws Exception {
        return Json.tolerant().readTree("""
                {"StartAt":"W","States":{
                  "W":{"Type":"Wait","Seconds":30,"Next":"M"},
                  "M":{"Type":"Map","ToleratedFailurePercentage":100,"ItemProcessor":{"StartAt":"T","States":{
                    "T":{"Type":"Task","Retry":[{"ErrorEquals":["X"],"IntervalSeconds":30,"MaxAttempts":5,"BackoffRate":1.5,"MaxDelaySeconds":120}],"End":true}}},
                    "End":true}}}""");
    }

    @Test
    void waitsAndRetryIntervalsAreCappedButAttemptsStay() throws Exception {
        JsonNode asl = definition();
        assertThat(AslTimings.scale(asl, 2)).hasSize(2);
        assertThat(asl.at("/States/W/Seconds").asInt()).isEqualTo(2);
        JsonNode retry = asl.at("/States/M/ItemProcessor/States/T/Retry/0");
        assertThat(retry.path("IntervalSeconds").asInt()).isEqualTo(2);
        assertThat(retry.path("BackoffRate").asDouble()).isEqualTo(1.0);
        assertThat(retry.path("MaxDelaySeconds").asInt()).isEqualTo(2);
        assertThat(retry.path("MaxAttempts").asInt()).isEqualTo(5);
    }

    @Test
    void anIntegerToleratedFailurePercentageBecomesADecimalForMotosParser() throws Exception {
        JsonNode asl = definition();
        assertThat(MotoAslCompat.adjust(asl, "bucket")).hasSize(1);
        assertThat(asl.at("/States/M/ToleratedFailurePercentage").isDouble()).isTrue();
        assertThat(asl.toString()).contains("\"ToleratedFailurePercentage\":100.0");
    }

    @Test
    void aResultWriterWithPathParametersGetsConstantsBecauseMotoEvaluatesThemAgainstTheResults() throws Exception {
        JsonNode asl = Json.tolerant().readTree("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailurePercentage":100.0,
                  "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject",
                    "Parameters":{"Bucket.$":"$.artifactBucket","Prefix.$":"States.Format('{}map', $.runFolder)"}},
                  "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""");

        assertThat(MotoAslCompat.adjust(asl, "sandbox-bucket")).singleElement().asString()
                .startsWith("M: ResultWriter Parameters {\"Bucket.$\":\"$.artifactBucket\"");
        assertThat(asl.at("/States/M/ResultWriter/Parameters")).isEqualTo(Json.tolerant().readTree(
                "{\"Bucket\":\"sandbox-bucket\",\"Prefix\":\"runs/sandbox-map-results\"}"));
        assertThat(asl.at("/States/M/ResultWriter/Resource").asText()).isEqualTo("arn:aws:states:::s3:putObject");
        assertThat(MotoAslCompat.adjust(asl, "sandbox-bucket")).as("constants are left alone").isEmpty();
    }
}
