package dev.cdkbootstrap.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small helpers over SnakeYAML nodes: places, blankness, and names of types for messages. */
final class Nodes {

    private Nodes() {}

    static Place place(Node node, Place logical) {
        return new Place(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, logical.path());
    }

    static boolean isBlank(Node node) {
        return node instanceof ScalarNode scalar
                && (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank());
    }

    /** "a list", "an integer (123)", ... for "expected X, got Y" messages. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        String shown = abbreviate(scalar.getValue());
        Tag tag = scalar.getTag();
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

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("[\\p{Cntrl}]", "?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
