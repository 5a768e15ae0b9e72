package dev.cdkbootstrap.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small helpers over SnakeYAML nodes: places, blankness, and names of types for messages. */
public final class Nodes {

    private Nodes() {}

    static Place place(Node node, Place logical) {
        return new Place(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, logical.path());
    }

    public static boolean isBlank(Node node) {
        return node instanceof ScalarNode scalar
                && (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank());
    }

    /** "a list", "an integer (123)", "null (~)", ... for "expected X, got Y" messages. */
    public static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        String shown = abbreviate(scalar.getValue());
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return shown.isEmpty() ? "nothing" : "null (" + shown + ")";
        }
        if (tag.equals(Tag.INT)) {
            return "an integer (" + shown + ")";
        }
        if (tag.equals(Tag.FLOAT)) {
            return "a number (" + shown + ")";
        }
        if (tag.equals(Tag.BOOL)) {
            return "a boolean (" + shown + ")";
        }
        if (tag.equals(Tag.TIMESTAMP)) {
            return "a date (" + shown + ")";
        }
        return "the text \"" + shown + "\"";
    }

    /** At most 60 characters, control characters shown as '?': safe to put in a one-line message. */
    public static String abbreviate(String s) {
        boolean clean = s.length() <= 60 && s.chars().noneMatch(Character::isISOControl);
        if (clean) {
            return s; // the common case, kept cheap: every key passes through here
        }
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(60).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return s.codePointCount(0, s.length()) <= 60 ? sb.toString() : sb.substring(0, sb.offsetByCodePoints(0, 57)) + "...";
    }
}
