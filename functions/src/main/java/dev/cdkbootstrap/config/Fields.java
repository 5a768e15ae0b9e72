package dev.cdkbootstrap.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The keys of one YAML mapping, checked against the keys the schema allows: unknown keys (with a
 * "did you mean"), duplicate keys, merge keys and non-text keys are errors. A key whose value is
 * blank ({@code enabled:}, {@code ~}, {@code ""}) counts as not given.
 */
final class Fields {
    private final Place place;
    private final Map<String, NodeTuple> given = new LinkedHashMap<>();

    private Fields(Place place) {
        this.place = place;
    }

    static Fields of(MappingNode mapping, Place place, List<String> allowed, ErrorCollector errors) {
        Fields fields = new Fields(place);
        Map<String, Node> firstSeen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Place keyPlace = Nodes.place(keyNode, place);
            if (!(keyNode instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
                errors.add(keyPlace, "keys must be plain text");
                continue;
            }
            String key = scalar.getValue();
            Place here = Nodes.place(keyNode, place.child(Nodes.abbreviate(key)));
            if (scalar.getTag().equals(Tag.MERGE)) {
                errors.add(here, "merge keys (<<) are not supported; write the keys out");
            } else if (firstSeen.containsKey(key)) {
                errors.add(here, "duplicate key \"" + Nodes.abbreviate(key) + "\" (first at line "
                        + (firstSeen.get(key).getStartMark().getLine() + 1) + ")");
            } else if (!allowed.contains(key)) {
                firstSeen.put(key, keyNode);
                errors.add(here, unknown(key, allowed));
            } else {
                firstSeen.put(key, keyNode);
                fields.given.put(key, tuple);
            }
        }
        return fields;
    }

    /**
     * "unknown key", with the closest allowed key, else the keys allowed. Where a {@code bootstrap:} block may
     * stand, a key of that block (or a near miss of one) written beside it instead of in it says so: the
     * closest allowed key there is no help ({@code exection_policy_filepath} is far from every stage key).
     */
    private static String unknown(String key, List<String> allowed) {
        String message = "unknown key \"" + Nodes.abbreviate(key) + "\"";
        String expected = "; expected one of: " + String.join(", ", allowed);
        boolean bootstrapHere = allowed.contains("bootstrap");
        String under = " (it belongs under bootstrap:)";
        if (bootstrapHere && BootstrapReader.KEYS.contains(key)) {
            return message + under + expected;
        }
        Optional<String> close = Suggestions.closest(key, allowed);
        if (close.isPresent()) {
            return message + "; did you mean \"" + close.get() + "\"?";
        }
        Optional<String> bootstrapKey = bootstrapHere ? Suggestions.closest(key, BootstrapReader.KEYS) : Optional.empty();
        return bootstrapKey.map(k -> message + "; did you mean \"" + k + "\"?" + under).orElse(message + expected);
    }

    Place place() {
        return place;
    }

    /** The value of {@code key}, or {@code null} when absent or blank. */
    Node value(String key) {
        NodeTuple tuple = given.get(key);
        return tuple == null || Nodes.isBlank(tuple.getValueNode()) ? null : tuple.getValueNode();
    }

    /** Where an error about {@code key} points: its value, its key when blank, the mapping when absent. */
    Place placeOf(String key) {
        NodeTuple tuple = given.get(key);
        if (tuple == null) {
            return place.child(key);
        }
        Node at = Nodes.isBlank(tuple.getValueNode()) ? tuple.getKeyNode() : tuple.getValueNode();
        return Nodes.place(at, place.child(key));
    }

    /** Records "required" for a key that is absent or blank; returns its value otherwise. */
    Node required(String key, ErrorCollector errors) {
        Node value = value(key);
        if (value == null) {
            errors.add(placeOf(key), given.containsKey(key) ? "required, but empty" : "required key is missing");
        }
        return value;
    }
}
