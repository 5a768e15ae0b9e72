package dev.cdkbootstrap.sandbox.events;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.support.InputTransformer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventRuleTest {
    private static final JsonNode PATTERN = read("""
            {"source":["aws.s3"],"detail-type":["Object Created"],
             "detail":{"bucket":{"name":["cfg"]},"object":{"key":["cdk-app.yml"]}}}""");
    private static final JsonNode TRANSFORMER = read("""
            {"InputPathsMap":{"bucket":"$.detail.bucket.name","key":"$.detail.object.key","versionId":"$.detail.object.version-id"},
             "InputTemplate":"{\\"bucket\\": <bucket>, \\"key\\": <key>, \\"versionId\\": <versionId>, \\"trigger\\": \\"s3\\"}"}""");

    private static JsonNode read(String json) {
        try {
            return Json.tolerant().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final EventRule rule = new EventRule("r", PATTERN,
            new EventRule.Target(EventRule.TargetKind.STATE_MACHINE, "arn"), Optional.of(TRANSFORMER));

    @Test
    void theUploadOfTheConfigKeyMatches() {
        assertThat(rule.matches(ApplicationEvents.objectCreated("1", "us-east-1", "cfg", "cdk-app.yml", 3, "e", "v1"))).isTrue();
    }

    @Test
    void anotherKeyInTheBucketDoesNotMatch() {
        assertThat(rule.matches(ApplicationEvents.objectCreated("1", "us-east-1", "cfg", "policies/p.json", 3, "e", "v1"))).isFalse();
    }

    @Test
    void theInputTransformerPlacesJsonValuesAndNullForMissingPaths() {
        JsonNode input = InputTransformer.parse(InputTransformer.apply(TRANSFORMER,
                ApplicationEvents.objectCreated("1", "us-east-1", "cfg", "cdk-app.yml", 3, "e", null)));
        assertThat(input.path("bucket").asText()).isEqualTo("cfg");
        assertThat(input.path("key").asText()).isEqualTo("cdk-app.yml");
        assertThat(input.get("versionId").isNull()).isTrue();
        assertThat(input.path("trigger").asText()).isEqualTo("s3");
    }
}
