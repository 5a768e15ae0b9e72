package dev.cdkbootstrap.sandbox.deploy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.support.AslWalker;
import java.util.ArrayList;
import java.util.List;

/**
 * Scales the workflow's waiting down so a sandbox run takes seconds, not minutes: every Wait
 * {@code Seconds} and every Retry {@code IntervalSeconds} is capped at {@code capSeconds}, Retry
 * {@code BackoffRate} becomes 1 and {@code MaxDelaySeconds} is capped too. Attempt counts, error
 * names and the states themselves stay as written. Returns what it changed, for the sandbox to say.
 */
final class AslTimings {
    private AslTimings() {}

    static List<String> scale(JsonNode definition, int capSeconds) {
        List<String> changes = new ArrayList<>();
        scaleStates(definition.path("States"), capSeconds, changes);
        return changes;
    }

    private static void scaleStates(JsonNode states, int cap, List<String> changes) {
        AslWalker.forEachState(states, (name, state) -> {
            if ("Wait".equals(state.path("Type").asText()) && state.path("Seconds").asInt(0) > cap) {
                changes.add(name + ": Wait Seconds " + state.path("Seconds").asInt() + " -> " + cap);
                ((ObjectNode) state).put("Seconds", cap);
            }
            for (JsonNode retry : state.path("Retry")) {
                ObjectNode r = (ObjectNode) retry;
                String errors = retry.path("ErrorEquals").toString();
                if (retry.path("IntervalSeconds").asInt(1) > cap || retry.path("BackoffRate").asDouble(2.0) > 1.0) {
                    changes.add(name + ": Retry " + errors + " IntervalSeconds "
                            + retry.path("IntervalSeconds").asInt(1) + " -> " + Math.min(cap, retry.path("IntervalSeconds").asInt(1))
                            + ", BackoffRate " + retry.path("BackoffRate").asDouble(2.0) + " -> 1");
                    r.put("IntervalSeconds", Math.min(cap, retry.path("IntervalSeconds").asInt(1)));
                    r.put("BackoffRate", 1.0);
                }
                if (retry.has("MaxDelaySeconds")) {
                    r.put("MaxDelaySeconds", Math.max(1, Math.min(cap, retry.path("MaxDelaySeconds").asInt())));
                }
            }
        });
    }
}
