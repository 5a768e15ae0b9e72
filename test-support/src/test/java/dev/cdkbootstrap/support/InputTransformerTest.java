package dev.cdkbootstrap.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class InputTransformerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void placesEachSelectedValueAsJson() throws Exception {
        JsonNode transformer = JSON.readTree("""
                {"InputPathsMap": {"key": "$.detail.object.key", "size": "$.detail.object.size", "acct": "$.detail.account-id"},
                 "InputTemplate": "{\\"configKey\\": <key>, \\"size\\": <size>, \\"account\\": <acct>, \\"raw\\": <other>}"}""");
        JsonNode event = JSON.readTree("""
                {"detail": {"object": {"key": "cdk-app.yml", "size": 12}, "account-id": "111122223333"}}""");
        assertThat(InputTransformer.apply(transformer, event))
                .isEqualTo("{\"configKey\": \"cdk-app.yml\", \"size\": 12, \"account\": \"111122223333\", \"raw\": <other>}");
        assertThat(InputTransformer.unmatched(transformer, event)).isEmpty();
    }

    @Test
    void aPathThatSelectsNothingGivesNullAsEventBridgeDoesAndIsNamedByUnmatched() throws Exception {
        JsonNode transformer = JSON.readTree("""
                {"InputPathsMap": {"key": "$.detail.object.key"}, "InputTemplate": "{\\"configKey\\": <key>}"}""");
        JsonNode event = JSON.readTree("{\"detail\": {}}");
        assertThat(InputTransformer.parse(InputTransformer.apply(transformer, event)))
                .isEqualTo(JSON.readTree("{\"configKey\": null}"));
        assertThat(InputTransformer.unmatched(transformer, event)).containsExactly("key ($.detail.object.key)");
    }

    @Test
    void theWholeEventAndBadInput() throws Exception {
        JsonNode event = JSON.readTree("{\"id\": \"1\"}");
        assertThat(InputTransformer.apply(JSON.readTree("{\"InputTemplate\": \"<aws.events.event>\"}"), event))
                .isEqualTo("{\"id\":\"1\"}");
        assertThatThrownBy(() -> InputTransformer.select(event, "detail.x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with $: detail.x");
        assertThatThrownBy(() -> InputTransformer.parse("{not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("InputTemplate did not give JSON");
    }
}
