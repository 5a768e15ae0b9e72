package dev.cdkbootstrap.sandbox.events;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.support.InputTransformer;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * An EventBridge rule of the application as the sandbox delivers it: pattern, target (a state
 * machine or a function) and optional InputTransformer. moto's EventBridge cannot start a Step
 * Functions execution or invoke an in-process handler, so the sandbox matches and delivers itself.
 */
public record EventRule(String name, JsonNode pattern, Target target, Optional<JsonNode> inputTransformer) {

    public enum TargetKind { STATE_MACHINE, FUNCTION }

    public record Target(TargetKind kind, String arnOrName) {}

    /**
     * The input this rule would start its state machine with for {@code event} (InputTransformer applied,
     * else the event itself); empty when the rule targets a function or does not match.
     */
    public Optional<String> stateMachineInput(JsonNode event) {
        if (target.kind() != TargetKind.STATE_MACHINE || !matches(event)) {
            return Optional.empty();
        }
        return Optional.of(inputTransformer.map(t -> InputTransformer.apply(t, event)).orElse(event.toString()));
    }

    /** EventBridge's matching for the subset the templates use: exact values listed per field. */
    public boolean matches(JsonNode event) {
        return matches(pattern, event);
    }

    private static boolean matches(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode expected = field.getValue();
            JsonNode actual = event.path(field.getKey());
            if (expected.isObject()) {
                if (!matches(expected, actual)) {
                    return false;
                }
            } else if (expected.isArray()) {
                boolean any = false;
                for (JsonNode candidate : expected) {
                    any |= actual.isArray() ? contains(actual, candidate) : candidate.equals(actual);
                }
                if (!any) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
