package dev.cdkbootstrap.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Emulator quirk, absorbed in the test layer (never in product code): moto's CodeBuild answers
 * timestamps as ISO-8601 strings where the AWS JSON protocol has epoch seconds, which the SDK
 * refuses. Rewrites them to epoch seconds before the SDK reads the response.
 */
final class EpochTimestamps implements ExecutionInterceptor {

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes executionAttributes) {
        return context.responseBody().map(body -> {
            try (body) {
                byte[] bytes = body.readAllBytes();
                JsonNode tree;
                try {
                    tree = Json.tolerant().readTree(bytes);
                } catch (IOException notJson) {
                    return new ByteArrayInputStream(bytes);
                }
                rewrite(tree);
                return new ByteArrayInputStream(Json.tolerant().writeValueAsBytes(tree));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual() && field.getKey().endsWith("Time")) {
                    epoch(field.getValue().asText()).ifPresent(seconds -> field.setValue(object.numberNode(seconds)));
                } else {
                    rewrite(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(EpochTimestamps::rewrite);
        }
    }

    private static Optional<Double> epoch(String text) {
        try {
            String iso = text.matches(".*[+-]\\d\\d:?\\d\\d$|.*Z$") ? text : text + "Z";
            OffsetDateTime time = OffsetDateTime.parse(iso.replaceFirst(" ", "T"));
            return Optional.of(time.toEpochSecond() + time.getNano() / 1e9);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
