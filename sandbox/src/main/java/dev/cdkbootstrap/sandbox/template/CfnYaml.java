package dev.cdkbootstrap.sandbox.template;

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
 * Reads a CloudFormation/SAM YAML template into plain maps and lists, turning the short intrinsic
 * tags into their long form ({@code !Ref X} → {@code {"Ref": "X"}}, {@code !GetAtt A.B} →
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Sub s} → {@code {"Fn::Sub": s}}, ...).
 */
public final class CfnYaml {
    private static final List<String> FUNCTIONS = List.of("Sub", "If", "Not", "Equals", "And", "Or", "Join",
            "Select", "Split", "FindInMap", "GetAZs", "Base64", "ImportValue", "Cidr", "Length", "ToJsonString");

    private CfnYaml() {}

    public static Map<String, Object> load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A template's text ({@code name} for messages), YAML or JSON. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text, String name) {
        Object root = new Yaml(new IntrinsicConstructor(new LoaderOptions())).load(text);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + ": not a template (no top-level mapping)");
        }
        return (Map<String, Object>) map;
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
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
                    case ScalarNode scalar -> {
                        String text = constructScalar(scalar);
                        yield key.equals("Fn::GetAtt") ? List.of(text.substring(0, text.indexOf('.')),
                                text.substring(text.indexOf('.') + 1)) : text;
                    }
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("unexpected node for " + key + ": " + node);
                };
                return Map.of(key, value);
            }
        }
    }
}
