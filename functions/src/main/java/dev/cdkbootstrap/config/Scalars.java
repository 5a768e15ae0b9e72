package dev.cdkbootstrap.config;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Typed reads of single values; each records a precise error and returns {@code null} on failure. */
final class Scalars {
    private static final Pattern DIGITS = Pattern.compile("^[0-9]+$");
    private static final Pattern SEPARATORS = Pattern.compile("[-\\s_.]");

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
     * taken as written (we read the raw text, nothing is lost). Otherwise the message says what is
     * wrong: the digit count, and "quote it" only where quoting is the fix, i.e. a leading 0 that YAML
     * tools read as a number (or octal) and drop; an unquoted number shorter than 12 digits also says
     * how to write it if the lost digits were leading zeros (a tool wrote the number without them), unless it
     * starts with 0 itself. A longer one (13 digits) is only told its digit count: no quoting makes it an id.
     * Digits with separators ({@code 2222-2222-2222}) are told to drop them.
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
        boolean plain = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        if (!DIGITS.matcher(raw).matches()) {
            String digits = SEPARATORS.matcher(raw).replaceAll("");
            // 2222-2222-2222, as consoles and forms show ids: say what to write, not only that it is no id
            errors.add(place, DIGITS.matcher(digits).matches() && digits.length() >= 4
                    ? "account \"" + Nodes.abbreviate(raw) + "\": an account id is 12 digits without separators"
                            + (digits.length() == 12 ? " (\"" + digits + "\")" : ", not " + Plural.of(digits.length(), "digit"))
                    : "expected a 12-digit account id, got " + Nodes.describe(node));
            return null;
        }
        String shown = Nodes.abbreviate(raw);
        if (raw.length() == 12 && (!plain || raw.charAt(0) != '0')) {
            return new Located<>(raw, place);
        }
        if (raw.length() == 12) {
            errors.add(place, "account " + shown + " is an unquoted number starting with 0: YAML tools read it as a "
                    + "number and drop the 0 (or read it as octal); quote it (\"" + shown + "\")");
        } else if (plain && raw.length() < 12 && raw.charAt(0) != '0') {
            // a tool that wrote the id as a number dropped its leading zeros; one that starts with 0 lost none
            errors.add(place, "account " + shown + " has " + Plural.of(raw.length(), "digit") + "; an account id has"
                    + " exactly 12 (if it starts with 0, write it in full and quoted: \"" + "0".repeat(12 - raw.length())
                    + shown + "\")");
        } else {
            String quote = plain ? "" : "\"";
            errors.add(place, "account " + quote + shown + quote + " has " + Plural.of(raw.length(), "digit")
                    + "; an account id has exactly 12");
        }
        return null;
    }

    static Located<String> region(Fields fields, String key, boolean required, ErrorCollector errors) {
        Node node = required ? fields.required(key, errors) : fields.value(key);
        if (node == null) {
            return null;
        }
        Located<String> text = text(node, fields.placeOf(key), errors);
        RegionCheck check = text == null ? null : RegionCheck.of(text.value());
        if (check != null && check.isError()) {
            errors.add(text.place(), check.message());
            return null;
        }
        return text;
    }
}
