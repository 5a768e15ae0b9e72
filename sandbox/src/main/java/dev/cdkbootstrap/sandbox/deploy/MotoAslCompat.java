package dev.cdkbootstrap.sandbox.deploy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.support.AslWalker;
import java.util.ArrayList;
import java.util.List;

/**
 * moto 5.2.1's ASL interpreter differs from AWS in a few places; the definition is adjusted here
 * (and only in the sandbox) so that it runs with the same meaning, and every change is printed:
 * <ul>
 * <li>an integer {@code ToleratedFailurePercentage}: its grammar wants a decimal NUMBER token (100 → 100.0);
 * <li>a {@code ResultWriter} whose {@code Parameters} use paths ({@code "Bucket.$"}): AWS evaluates them
 *     against the Map's input, moto against the Map's collected results, where {@code $.artifactBucket}
 *     does not exist, so every run's Map would fail with {@code States.Runtime} after all its children
 *     ended (and its Catch would hide that). The sandbox writes them as constants: the given bucket and
 *     the prefix {@value #RESULT_WRITER_PREFIX} (moto adds the Map Run's id; it writes a manifest only).
 * </ul>
 */
final class MotoAslCompat {
    static final String RESULT_WRITER_PREFIX = "runs/sandbox-map-results";

    private MotoAslCompat() {}

    /**
     * @param resultWriterBucket where a ResultWriter with path parameters writes in the sandbox
     * @return one line per change, naming the state
     */
    static List<String> adjust(JsonNode definition, String resultWriterBucket) {
        List<String> changes = new ArrayList<>();
        adjustStates(definition.path("States"), resultWriterBucket, changes);
        return changes;
    }

    private static void adjustStates(JsonNode states, String bucket, List<String> changes) {
        AslWalker.forEachState(states, (name, state) -> {
            JsonNode tolerated = state.path("ToleratedFailurePercentage");
            if (tolerated.isIntegralNumber()) {
                ((ObjectNode) state).put("ToleratedFailurePercentage", tolerated.asDouble());
                changes.add(name + ": ToleratedFailurePercentage " + tolerated.asInt() + " -> " + tolerated.asDouble());
            }
            JsonNode writer = state.path("ResultWriter").path("Parameters");
            if (writer.isObject() && (writer.has("Bucket.$") || writer.has("Prefix.$"))) {
                ObjectNode parameters = (ObjectNode) writer;
                String before = parameters.toString();
                parameters.remove(List.of("Bucket.$", "Prefix.$", "Bucket", "Prefix"));
                parameters.put("Bucket", bucket).put("Prefix", RESULT_WRITER_PREFIX);
                changes.add(name + ": ResultWriter Parameters " + before + " -> " + parameters
                        + " (moto evaluates their paths against the Map's results, not its input)");
            }
        });
    }
}
