package dev.cdkbootstrap.sandbox.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * moto 5.2.1's ASL parser rejects valid definitions in a few places; the definition is adjusted here
 * (and only in the sandbox) so the interpreter accepts it with the same meaning:
 * an integer {@code ToleratedFailurePercentage} (its grammar wants a decimal NUMBER token: 100 → 100.0).
 */
final class MotoAslCompat {
    private MotoAslCompat() {}

    static List<String> adjust(JsonNode definition) {
        List<String> changes = new ArrayList<>();
        adjustStates(definition.path("States"), changes);
        return changes;
    }

    private static void adjustStates(JsonNode states, List<String> changes) {
        for (Iterator<Map.Entry<String, JsonNode>> it = states.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode state = entry.getValue();
            JsonNode tolerated = state.path("ToleratedFailurePercentage");
            if (tolerated.isIntegralNumber()) {
                ((ObjectNode) state).put("ToleratedFailurePercentage", tolerated.asDouble());
                changes.add(entry.getKey() + ": ToleratedFailurePercentage " + tolerated.asInt() + " -> " + tolerated.asDouble());
            }
            JsonNode processor = state.has("ItemProcessor") ? state.path("ItemProcessor") : state.path("Iterator");
            if (processor.has("States")) {
                adjustStates(processor.path("States"), changes);
            }
            for (JsonNode branch : state.path("Branches")) {
                adjustStates(branch.path("States"), changes);
            }
        }
    }
}
