package dev.cdkbootstrap.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;

/**
 * EventBridge's InputTransformer for the simple paths the template uses ({@code $.a.b-c}): each
 * {@code <name>} in the template is replaced by the JSON value its path selects in the event.
 */
final class InputTransformer {

    private InputTransformer() {}

    static String apply(JsonNode transformer, JsonNode event) throws JsonProcessingException {
        String result = transformer.path("InputTemplate").asText();
        for (var path : transformer.path("InputPathsMap").properties()) {
            JsonNode value = event;
            for (String field : path.getValue().asText().substring(2).split("\\.")) {
                value = value.path(field);
            }
            if (value.isMissingNode()) {
                throw new IllegalArgumentException(path.getValue().asText() + " selects nothing in the event");
            }
            result = result.replace("<" + path.getKey() + ">", Json.strict().writeValueAsString(value));
        }
        return result;
    }
}
