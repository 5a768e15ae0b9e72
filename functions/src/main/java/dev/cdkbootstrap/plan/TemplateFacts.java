package dev.cdkbootstrap.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.config.yaml.HardenedYaml;
import dev.cdkbootstrap.json.Json;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What the planner needs of a custom bootstrap template, read the way the pinned CDK CLI reads it
 * ({@code node_modules/aws-cdk/lib/index.js}, {@code bootstrapVariantFromTemplate} and
 * {@code bootstrapVersionFromTemplate}):
 * <ul>
 *   <li>{@code variant}: {@code Parameters.BootstrapVariant.Default}, or {@value #DEFAULT_VARIANT} when absent;</li>
 *   <li>{@code version}: the first of {@code Outputs.BootstrapVersion.Value} and
 *       {@code Resources.CdkBootstrapVersion.Properties.Value} that is a whole number or a text of digits.
 *       Decision: it must be at least 1 (the CLI bootstraps a version-0 template the legacy way, which
 *       takes neither trust nor execution policies) and a text must be only digits (the CLI's
 *       {@code parseInt} would also take "33abc");</li>
 *   <li>{@code parameters}: the names under {@code Parameters}, to check that the template declares
 *       every parameter the CLI will pass for a target.</li>
 * </ul>
 * A text whose first non-blank character is <code>{</code> is read as JSON, anything else as YAML with
 * CloudFormation's short-form tags ({@code !Ref}, {@code !Sub}, ...) allowed as plain nodes.
 */
record TemplateFacts(String variant, int version, Set<String> parameters) {
    static final String DEFAULT_VARIANT = "AWS CDK: Default Resources";
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,9}$");

    /** @throws IllegalArgumentException saying why {@code text} is not a usable bootstrap template */
    static TemplateFacts of(String text) {
        Tree root = text.stripLeading().startsWith("{") ? json(text) : yaml(text);
        if (root.kind() != Kind.MAPPING) {
            throw new IllegalArgumentException("is not a CloudFormation template: expected a mapping at the top");
        }
        Tree variantNode = root.at("Parameters", "BootstrapVariant", "Default");
        String variant = switch (variantNode == null ? Kind.NULL : variantNode.kind()) {
            case NULL -> DEFAULT_VARIANT;
            case TEXT, NUMBER -> variantNode.text();
            default -> throw new IllegalArgumentException("has a Parameters.BootstrapVariant.Default that is not text");
        };
        Integer version = version(root.at("Outputs", "BootstrapVersion", "Value"));
        if (version == null) {
            version = version(root.at("Resources", "CdkBootstrapVersion", "Properties", "Value"));
        }
        if (version == null || version < 1) {
            throw new IllegalArgumentException("has no bootstrap version: neither Outputs.BootstrapVersion.Value nor "
                    + "Resources.CdkBootstrapVersion.Properties.Value is a whole number of at least 1 (the CDK CLI "
                    + "would bootstrap it the legacy way, without trust or execution policies)");
        }
        Tree parameters = root.at("Parameters");
        return new TemplateFacts(variant, version, parameters == null ? Set.of() : parameters.keys());
    }

    private static Integer version(Tree node) {
        if (node == null || !(node.kind() == Kind.NUMBER || node.kind() == Kind.TEXT)) {
            return null;
        }
        String text = node.text().strip();
        return DIGITS.matcher(text).matches() ? Integer.valueOf(text) : null;
    }

    private static Tree json(String text) {
        try {
            return new JsonTree(Json.strict().readTree(text));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException("is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")") + ": " + PolicyDocuments.shortMessage(e));
        }
    }

    private static Tree yaml(String text) {
        try {
            return new YamlTree(HardenedYaml.loadTagged(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not valid YAML: " + e.getMessage());
        }
    }

    private enum Kind { MAPPING, TEXT, NUMBER, NULL, OTHER }

    /** Just enough of a document tree to follow a path of keys, over JSON or YAML. */
    private interface Tree {
        Kind kind();

        String text();

        Set<String> keys();

        Tree get(String key);

        default Tree at(String... keys) {
            Tree node = this;
            for (String key : keys) {
                node = node.kind() == Kind.MAPPING ? node.get(key) : null;
                if (node == null) {
                    return null;
                }
            }
            return node;
        }
    }

    private record JsonTree(JsonNode node) implements Tree {
        public Kind kind() {
            return node.isObject() ? Kind.MAPPING : node.isTextual() ? Kind.TEXT
                    : node.isIntegralNumber() ? Kind.NUMBER : node.isNull() ? Kind.NULL : Kind.OTHER;
        }

        public String text() {
            return node.asText();
        }

        public Set<String> keys() {
            Set<String> keys = new LinkedHashSet<>();
            node.fieldNames().forEachRemaining(keys::add);
            return keys;
        }

        public Tree get(String key) {
            JsonNode child = node.get(key);
            return child == null ? null : new JsonTree(child);
        }
    }

    /** A tagged node ({@code !Sub '33'}) is OTHER: the CLI reads it as an intrinsic function, not a value. */
    private record YamlTree(Node node) implements Tree {
        public Kind kind() {
            if (node instanceof MappingNode) {
                return node.getTag().startsWith(Tag.PREFIX) ? Kind.MAPPING : Kind.OTHER;
            }
            if (!(node instanceof ScalarNode)) {
                return Kind.OTHER;
            }
            Tag tag = node.getTag();
            return tag.equals(Tag.STR) ? Kind.TEXT : tag.equals(Tag.INT) ? Kind.NUMBER
                    : tag.equals(Tag.NULL) ? Kind.NULL : Kind.OTHER;
        }

        public String text() {
            return ((ScalarNode) node).getValue();
        }

        public Set<String> keys() {
            Set<String> keys = new LinkedHashSet<>();
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    keys.add(key.getValue());
                }
            }
            return keys;
        }

        public Tree get(String key) {
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return new YamlTree(tuple.getValueNode());
                }
            }
            return null;
        }
    }
}
