package dev.cdkbootstrap.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationYamlTest {
    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: 2010-09-09
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Role: !GetAtt Role.Arn
                  Timeout: 30
                  Environment:
                    Variables:
                      BUCKET: !Ref Bucket
                      NAME: !Sub "${AWS::StackName}-x"
                      LIST: !Join [",", [a, !Ref B]]
                      PICK: !If [Cond, !Select [0, !GetAZs ""], !Ref AWS::NoValue]
            """;

    @Test
    void shortTagsBecomeTheLongFormAndDatesStayStrings() throws Exception {
        JsonNode tree = new ObjectMapper().valueToTree(CloudFormationYaml.parse(TEMPLATE, "t.yaml"));
        JsonNode properties = tree.path("Resources").path("Fn").path("Properties");
        assertThat(tree.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        assertThat(properties.path("Role")).isEqualTo(json("{\"Fn::GetAtt\": [\"Role\", \"Arn\"]}"));
        assertThat(properties.path("Timeout")).isEqualTo(json("30"));
        JsonNode variables = properties.path("Environment").path("Variables");
        assertThat(variables.path("BUCKET")).isEqualTo(json("{\"Ref\": \"Bucket\"}"));
        assertThat(variables.path("NAME")).isEqualTo(json("{\"Fn::Sub\": \"${AWS::StackName}-x\"}"));
        assertThat(variables.path("LIST")).isEqualTo(json("{\"Fn::Join\": [\",\", [\"a\", {\"Ref\": \"B\"}]]}"));
        assertThat(variables.path("PICK")).isEqualTo(json(
                "{\"Fn::If\": [\"Cond\", {\"Fn::Select\": [0, {\"Fn::GetAZs\": \"\"}]}, {\"Ref\": \"AWS::NoValue\"}]}"));
    }

    @Test
    void readGivesTheSameTreeAsLoad(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("t.yaml"), TEMPLATE);
        assertThat(CloudFormationYaml.read(file)).isEqualTo(new ObjectMapper().valueToTree(CloudFormationYaml.load(file)));
        assertThat(CloudFormationYaml.load(file)).containsOnlyKeys("AWSTemplateFormatVersion", "Resources");
    }

    @Test
    void aGetAttWithoutADotIsAnErrorNamingTheFileAndLine() {
        assertThatThrownBy(() -> CloudFormationYaml.parse("A:\n  B: !GetAtt Role\n", "bad.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad.yaml line 2: !GetAtt Role: expected Resource.Attribute");
    }

    @Test
    void aTextWithoutATopLevelMappingOrAMissingFileIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> CloudFormationYaml.parse("- a\n- b\n", "list.yaml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("list.yaml: not a template (no top-level mapping)");
        assertThatThrownBy(() -> CloudFormationYaml.load(dir.resolve("absent.yaml")))
                .hasMessageContaining("cannot read").hasMessageContaining("absent.yaml");
    }

    @Test
    void jsonTemplatesReadToo() {
        Map<String, Object> template = CloudFormationYaml.parse("{\"Resources\": {\"A\": {\"DependsOn\": [\"B\"]}}}", "t.json");
        assertThat(template).isEqualTo(Map.of("Resources", Map.of("A", Map.of("DependsOn", List.of("B")))));
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
