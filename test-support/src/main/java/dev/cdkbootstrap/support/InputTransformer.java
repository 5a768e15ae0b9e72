package dev.cdkbootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge's input transformer, for the simple paths the template uses ({@code $.detail.object.key},
 * dashes allowed): {@code InputPathsMap} picks values from the event, {@code InputTemplate} places each
 * at {@code <name>} as a JSON value (strings quoted); {@code <aws.events.event>} is the whole event; a
 * placeholder that {@code InputPathsMap} does not name stays as written.
 *
 * <p>A path that selects nothing gives {@code null}, as EventBridge does at run time: the sandbox
 * (which delivers events with it) must behave like AWS, not fail where AWS would not. Whether an event
 * <em>should</em> fill every path is a question for the caller: {@link #unmatched} names the paths that
 * select nothing, and the contract tests require it to be empty for the project's events/ files.
 * (Of the two transformers this replaces, the contract tests' threw on such a path and so checked a
 * different behaviour than the sandbox ran.) A path not starting with {@code $} → {@link IllegalArgumentException}.
 */
public final class InputTransformer {
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.-]+)>");
    private static final ObjectMapper JSON = new ObjectMapper();

    private InputTransformer() {}

    /** The target's input text for {@code event} under {@code transformer} ({@code InputPathsMap}, {@code InputTemplate}). */
    public static String apply(JsonNode transformer, JsonNode event) {
        JsonNode paths = transformer.path("InputPathsMap");
        Matcher matcher = PLACEHOLDER.matcher(transformer.path("InputTemplate").asText());
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

    /** The {@code InputPathsMap} names whose paths select nothing in {@code event} (empty: all filled). */
    public static List<String> unmatched(JsonNode transformer, JsonNode event) {
        List<String> names = new ArrayList<>();
        transformer.path("InputPathsMap").properties().forEach(e -> {
            if (select(event, e.getValue().asText()).isMissingNode()) {
                names.add(e.getKey() + " (" + e.getValue().asText() + ")");
            }
        });
        return names;
    }

    /** The value {@code path} ({@code $.a.b}) selects in {@code event}, or a missing node. */
    public static JsonNode select(JsonNode event, String path) {
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

    /** The transformed input as JSON (EventBridge sends it as text); not JSON → {@link IllegalArgumentException}. */
    public static JsonNode parse(String input) {
        try {
            return JSON.readTree(input);
        } catch (Exception e) {
            throw new IllegalArgumentException("InputTemplate did not give JSON: " + input, e);
        }
    }
}
