package dev.cdkbootstrap.sandbox.toolkit;

import dev.cdkbootstrap.config.ErrorCollector;
import dev.cdkbootstrap.config.Nodes;
import dev.cdkbootstrap.config.Place;
import dev.cdkbootstrap.config.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads of a SnakeYAML node tree (as {@code HardenedYaml} returns it) for {@link GivenFile}: each
 * mistake is recorded in the collector with its line, column and path, and the read returns {@code null}.
 */
final class NodeReader {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private final ErrorCollector errors;

    NodeReader(ErrorCollector errors) {
        this.errors = errors;
    }

    /** The keys of a mapping (blank values count as not given); unknown, duplicate and non-text keys are errors. */
    Map<String, Node> fields(Node node, Place at, List<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            errors.add(at, "expected a mapping (key: value lines), got " + describe(node));
            return null;
        }
        Map<String, Node> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String prefix = Place.ROOT.equals(at.path()) ? "" : at.path() + ".";
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || !key.getTag().equals(Tag.STR)) {
                errors.add(place(tuple.getKeyNode(), at.path()), "keys must be plain text");
                continue;
            }
            String name = key.getValue();
            Place here = place(key, prefix + Nodes.abbreviate(name));
            Integer first = lines.putIfAbsent(name, key.getStartMark().getLine() + 1);
            if (first != null) {
                errors.add(here, "duplicate key \"" + Nodes.abbreviate(name) + "\" (first at line " + first + ")");
            } else if (!allowed.contains(name)) {
                errors.add(here, "unknown key \"" + Nodes.abbreviate(name) + "\"" + Suggestions.closest(name, allowed)
                        .map(s -> "; did you mean \"" + s + "\"?").orElse("; expected one of: " + String.join(", ", allowed)));
            } else if (!blank(tuple.getValueNode())) {
                values.put(name, tuple.getValueNode());
            }
        }
        return values;
    }

    String text(Map<String, Node> f, String key, String path, Pattern shape) {
        Node node = f.get(key);
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.STR)) {
            errors.add(place(node, path + "." + key), "expected text, got " + describe(node));
            return null;
        }
        String value = scalar.getValue().strip();
        if (shape != null && !shape.matcher(value).matches()) {
            errors.add(place(node, path + "." + key), "\"" + Nodes.abbreviate(value) + "\" does not match " + shape.pattern());
            return null;
        }
        return value;
    }

    Integer number(Map<String, Node> f, String key, String path) {
        Node node = f.get(key);
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT) && scalar.getValue().matches("\\d{1,6}")
                && Integer.parseInt(scalar.getValue()) > 0) {
            return Integer.parseInt(scalar.getValue());
        }
        errors.add(place(node, path + "." + key), "expected a positive whole number, got " + describe(node));
        return null;
    }

    List<String> list(Map<String, Node> f, String key, String path, BiFunction<Node, String, String> item) {
        Node node = f.get(key);
        if (node == null) {
            return null;
        }
        if (!(node instanceof SequenceNode sequence)) {
            errors.add(place(node, path + "." + key), "expected a list (- items or [a, b]), got " + describe(node));
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            String value = item.apply(sequence.getValue().get(i), path + "." + key + "[" + i + "]");
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** Quoted 12 digits, or an unquoted 12-digit number that lost nothing (no leading zero). */
    String account(Node node, String path) {
        if (node instanceof ScalarNode scalar && ACCOUNT.matcher(scalar.getValue()).matches()
                && (scalar.getTag().equals(Tag.STR) || scalar.getValue().charAt(0) != '0')) {
            return scalar.getValue();
        }
        errors.add(place(node, path), "expected a 12-digit account id (quote it), got " + describe(node));
        return null;
    }

    String arn(Node node, String path) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR) && scalar.getValue().startsWith("arn:")) {
            return scalar.getValue().strip();
        }
        errors.add(place(node, path), "expected an IAM policy ARN (arn:...), got " + describe(node));
        return null;
    }

    /** How the config engine describes a node in "expected X, got Y" messages (one wording for both files). */
    static String describe(Node node) {
        return Nodes.describe(node);
    }

    private static boolean blank(Node node) {
        return Nodes.isBlank(node);
    }

    static Place place(Node node, String path) {
        return new Place(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, path);
    }
}
