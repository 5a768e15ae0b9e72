package dev.cdkbootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template (YAML or JSON) the way CloudFormation does: the short intrinsic
 * tags become their long form ({@code !Ref X} → {@code {"Ref": "X"}}, {@code !GetAtt A.B} →
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Sub s} → {@code {"Fn::Sub": s}}, ...; a plain YAML reader
 * would drop the tags and lose the meaning), and a date-like scalar ({@code 2010-09-09}) stays a string.
 *
 * <p>The one reader of templates for the sandbox (which deploys template.yaml from it) and the
 * contract tests (which check template.yaml with it), so both see the same template. Errors: a file
 * that cannot be read → {@link UncheckedIOException}; a text whose top level is not a mapping, or a
 * {@code !GetAtt} scalar without a dot → {@link IllegalArgumentException} naming the file. (Of the two
 * readers this replaces, the sandbox's failed with a bare {@code StringIndexOutOfBoundsException} on
 * such a {@code !GetAtt}; CloudFormation rejects it, so this reader does too, with a message.)
 */
public final class CloudFormationYaml {
    private static final List<String> FUNCTIONS = List.of("Sub", "If", "Not", "Equals", "And", "Or", "Join",
            "Select", "Split", "FindInMap", "GetAZs", "Base64", "ImportValue", "Cidr", "Length", "ToJsonString");
    private static final ObjectMapper TREES = new ObjectMapper();

    private CloudFormationYaml() {}

    /** The template at {@code file} as plain maps, lists, strings, numbers and booleans. */
    public static Map<String, Object> load(Path file) {
        return parse(text(file), file.toString());
    }

    /** The template at {@code file} as a JSON tree (integers as int nodes, as a JSON reader gives them). */
    public static JsonNode read(Path file) {
        return TREES.valueToTree(load(file));
    }

    /** A template's text ({@code name} for messages), YAML or JSON. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text, String name) {
        Object root = new Yaml(new IntrinsicConstructor(new LoaderOptions(), name)).load(text);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + ": not a template (no top-level mapping)");
        }
        return (Map<String, Object>) map;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        private final String source;

        IntrinsicConstructor(LoaderOptions options, String source) {
            super(options);
            this.source = source;
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new Intrinsic("Fn::GetAtt"));
            FUNCTIONS.forEach(name -> yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name)));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> key.equals("Fn::GetAtt") ? getAtt(constructScalar(scalar), node) : constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException(source + ": unexpected node for " + key + ": " + node);
                };
                return Map.of(key, value);
            }

            private List<String> getAtt(String text, Node node) {
                int dot = text.indexOf('.');
                if (dot < 0) {
                    throw new IllegalArgumentException(source + " line " + (node.getStartMark().getLine() + 1)
                            + ": !GetAtt " + text + ": expected Resource.Attribute");
                }
                return List.of(text.substring(0, dot), text.substring(dot + 1));
            }
        }
    }
}
