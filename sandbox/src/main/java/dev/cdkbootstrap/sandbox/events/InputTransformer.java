package dev.cdkbootstrap.sandbox.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cdkbootstrap.json.Json;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge's InputTransformer: {@code InputPathsMap} picks values with simple JSON paths
 * ({@code $.detail.object.key}), {@code InputTemplate} places them at {@code <name>} as JSON values
 * (strings quoted); a path that matches nothing gives {@code null}.
 */
public final class InputTransformer {
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.-]+)>");

    private InputTransformer() {}

    public static String apply(JsonNode transformer, JsonNode event) {
        JsonNode paths = transformer.path("InputPathsMap");
        String template = transformer.path("InputTemplate").asText();
        Matcher matcher = PLACEHOLDER.matcher(template);
        return matcher.replaceAll(m -> {
            String name = m.group(1);
            if (name.equals("aws.events.event")) {
                return Matcher.quoteReplacement(event.toString());
            }
            if (!paths.has(name)) {
                return Matcher.quoteReplacement(m.group());
            }
            JsonNode value = select(event, paths.path(name).asText());
            return Matcher.quoteReplacement(value.isMissingNode() ? "null" : value.toString());
        });
    }

    static JsonNode select(JsonNode event, String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("InputPathsMap path must start with $: " + path);
        }
        JsonNode node = event;
        for (String part : path.substring(1).split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            node = node.path(part);
            if (node.isMissingNode()) {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    /** Parses the transformed input (EventBridge sends it as JSON text). */
    public static JsonNode parse(String input) {
        try {
            return Json.tolerant().readTree(input);
        } catch (Exception e) {
            throw new IllegalArgumentException("InputTemplate did not give JSON: " + input, e);
        }
    }

}
