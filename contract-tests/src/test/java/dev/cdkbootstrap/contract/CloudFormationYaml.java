package dev.cdkbootstrap.contract;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads a CloudFormation/SAM YAML template into a JSON tree, turning the short intrinsic tags into
 * their long form ({@code !Ref X} to {@code {"Ref": "X"}}, {@code !GetAtt A.B} to
 * {@code {"Fn::GetAtt": ["A", "B"]}}, {@code !Sub s} to {@code {"Fn::Sub": s}}, ...), the way
 * CloudFormation itself reads them. A plain YAML reader would drop the tags and lose the meaning.
 */
final class CloudFormationYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private CloudFormationYaml() {}

    static JsonNode read(Path file) {
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(file.toFile())) {
            parser.nextToken();
            return value(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode value(YAMLParser parser) throws IOException {
        String tag = parser.getTypeId();
        JsonToken token = parser.currentToken();
        JsonNode node = switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, value(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected " + token + " at " + parser.currentLocation());
        };
        return tag == null ? node : intrinsic(tag, node);
    }

    private static JsonNode intrinsic(String tag, JsonNode argument) {
        ObjectNode function = NODES.objectNode();
        switch (tag) {
            case "Ref", "Condition" -> function.set(tag, argument);
            case "GetAtt" -> {
                if (argument.isTextual()) {
                    String text = argument.asText();
                    int dot = text.indexOf('.');
                    if (dot < 0) {
                        throw new IllegalArgumentException("!GetAtt " + text + ": expected Resource.Attribute");
                    }
                    function.set("Fn::GetAtt", NODES.arrayNode()
                            .add(text.substring(0, dot)).add(text.substring(dot + 1)));
                } else {
                    function.set("Fn::GetAtt", argument);
                }
            }
            default -> function.set("Fn::" + tag, argument);
        }
        return function;
    }
}
