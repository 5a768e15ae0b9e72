package dev.cdkbootstrap.sandbox.limits;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.lambda.LocalLambdas;
import dev.cdkbootstrap.support.AslWalker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the limit checks need from a state machine definition (ASL): which states invoke a Lambda
 * function (an Invoke names only the function, the cause must name the state), and which Map states
 * collect their children's outputs into their result without a {@code ResultWriter} and end every
 * child in a Lambda task whose output is the function's reply, so that the result's size can be
 * added up from the replies at the Lambda endpoint.
 */
final class AslIndex {
    private static final String LAMBDA_INVOKE = AslWalker.LAMBDA_INVOKE;

    private final Map<String, List<String>> statesByFunction = new HashMap<>();
    private final Map<String, String> collectingMapByFunction = new HashMap<>();
    private final Map<String, String> unmeasurableMaps = new HashMap<>();

    private AslIndex() {}

    static AslIndex parse(String definition) {
        try {
            AslIndex index = new AslIndex();
            index.walk(Json.tolerant().readTree(definition).path("States"));
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("state machine definition is not JSON", e);
        }
    }

    /** The states that invoke {@code function} (a name; ARNs and qualifiers are normalised). */
    List<String> states(String function) {
        return statesByFunction.getOrDefault(function, List.of());
    }

    boolean references(String function) {
        return statesByFunction.containsKey(function);
    }

    /** The Map state whose collected result {@code function}'s replies make up, if any. */
    Optional<String> collectingMap(String function) {
        return Optional.ofNullable(collectingMapByFunction.get(function));
    }

    /** Map state name → why the sandbox cannot add up its collected result. */
    Map<String, String> unmeasurableMaps() {
        return Map.copyOf(unmeasurableMaps);
    }

    private void walk(JsonNode states) {
        AslWalker.forEachState(states, (name, state) -> {
            function(state).ifPresent(f -> statesByFunction.computeIfAbsent(f, k -> new ArrayList<>()).add(name));
            if (state.path("Type").asText().equals("Map") && !state.has("ResultWriter")) {
                AslWalker.nested(state).forEach(children -> indexCollectedResult(name, children));
            }
        });
    }

    /** Every child ends in a state; the Map's result is the array of those states' outputs. */
    private void indexCollectedResult(String map, JsonNode childStates) {
        List<String> functions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : childStates.properties()) {
            JsonNode state = entry.getValue();
            String type = state.path("Type").asText();
            boolean terminal = state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail");
            if (!terminal || type.equals("Fail")) {
                continue; // a failed child's entry is not counted (docs/sandbox.md)
            }
            Optional<String> function = function(state).filter(f -> outputIsReply(state));
            if (function.isEmpty()) {
                unmeasurableMaps.put(map, "its children end in state '" + entry.getKey()
                        + "', whose output is not a Lambda reply the sandbox sees");
                return;
            }
            functions.add(function.get());
        }
        functions.forEach(f -> collectingMapByFunction.put(f, map));
    }

    /** The Lambda function a Task state invokes, by name; empty for other states or a dynamic name. */
    static Optional<String> function(JsonNode state) {
        if (!state.path("Type").asText().equals("Task")) {
            return Optional.empty();
        }
        String resource = state.path("Resource").asText("");
        if (resource.startsWith(LAMBDA_INVOKE)) {
            JsonNode name = state.path("Parameters").path("FunctionName");
            return name.isTextual() ? Optional.of(LocalLambdas.functionName(name.asText())) : Optional.empty();
        }
        return resource.startsWith("arn:aws:lambda:") ? Optional.of(LocalLambdas.functionName(resource)) : Optional.empty();
    }

    /** The state's output is exactly the function's reply (no selector, result path or other output path). */
    private static boolean outputIsReply(JsonNode state) {
        if (state.has("ResultSelector") || !state.path("ResultPath").asText("$").equals("$")) {
            return false;
        }
        String outputPath = state.path("OutputPath").asText("$");
        return state.path("Resource").asText("").startsWith(LAMBDA_INVOKE) ? outputPath.equals("$.Payload") : outputPath.equals("$");
    }
}
