package dev.cdkbootstrap.config;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Typed reads of single values; each records a precise error and returns {@code null} on failure. */
final class Scalars {
    private static final Pattern ACCOUNT = Pattern.compile("^[0-9]{12}$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");

    private Scalars() {}

    static Located<String> text(Fields fields, String key, ErrorCollector errors) {
        Node node = fields.value(key);
        return node == null ? null : text(node, fields.placeOf(key), errors);
    }

    static Located<String> text(Node node, Place place, ErrorCollector errors) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)) {
            return new Located<>(scalar.getValue().strip(), place);
        }
        errors.add(place, "expected text, got " + Nodes.describe(node)
                + (node instanceof ScalarNode ? "; quote it if it is meant as text" : ""));
        return null;
    }

    /** {@code null} when not given (the caller applies the default). */
    static Boolean bool(Fields fields, String key, ErrorCollector errors) {
        Node node = fields.value(key);
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            String v = scalar.getValue().toLowerCase(java.util.Locale.ROOT);
            return v.equals("true") || v.equals("yes") || v.equals("on");
        }
        errors.add(fields.placeOf(key), "expected true or false, got " + Nodes.describe(node));
        return null;
    }

    static MappingNode mapping(Node node, Place place, ErrorCollector errors) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        errors.add(place, "expected a mapping (key: value lines), got " + Nodes.describe(node));
        return null;
    }

    static SequenceNode list(Node node, Place place, ErrorCollector errors) {
        if (node instanceof SequenceNode list) {
            return list;
        }
        errors.add(place, "expected a list (- items), got " + Nodes.describe(node));
        return null;
    }

    /**
     * An account id: text of exactly 12 digits. An unquoted 12-digit number not starting with 0 is
     * taken as written (we read the raw text, nothing is lost); any other unquoted number is an
     * error that says to quote it, since YAML tools read it as a number and drop leading zeros.
     */
    static Located<String> account(Fields fields, String key, ErrorCollector errors) {
        Node node = fields.required(key, errors);
        return node == null ? null : account(node, fields.placeOf(key), errors);
    }

    /** One account id, e.g. an item of a list; the rules of {@link #account(Fields, String, ErrorCollector)}. */
    static Located<String> account(Node node, Place place, ErrorCollector errors) {
        if (!(node instanceof ScalarNode scalar)) {
            errors.add(place, "expected a 12-digit account id, got " + Nodes.describe(node));
            return null;
        }
        String raw = scalar.getValue().strip();
        boolean quoted = scalar.getTag().equals(Tag.STR);
        if (!quoted && scalar.getTag().equals(Tag.INT) && DIGITS.matcher(raw).matches()) {
            if (raw.length() == 12 && raw.charAt(0) != '0') {
                return new Located<>(raw, place);
            }
            String shown = Nodes.abbreviate(raw);
            errors.add(place, "account " + shown + " is an unquoted number with " + raw.length()
                    + " digits; an account id is text of exactly 12 digits: quote it (\"" + shown
                    + "\") and check for lost leading zeros");
            return null;
        }
        if (quoted && ACCOUNT.matcher(raw).matches()) {
            return new Located<>(raw, place);
        }
        if (quoted && DIGITS.matcher(raw).matches()) {
            errors.add(place, "account \"" + Nodes.abbreviate(raw) + "\" has " + raw.length() + " digits; an account id has exactly 12");
        } else {
            errors.add(place, "expected a 12-digit account id, got " + Nodes.describe(node));
        }
        return null;
    }

    static Located<String> region(Fields fields, String key, boolean required, ErrorCollector errors) {
        Node node = required ? fields.required(key, errors) : fields.value(key);
        if (node == null) {
            return null;
        }
        Located<String> text = text(node, fields.placeOf(key), errors);
        if (text != null && !Regions.isValid(text.value())) {
            errors.add(text.place(), "\"" + Nodes.abbreviate(text.value())
                    + "\" is not a region name (expected the shape of e.g. eu-west-1 or us-gov-west-1)");
            return null;
        }
        return text;
    }
}
