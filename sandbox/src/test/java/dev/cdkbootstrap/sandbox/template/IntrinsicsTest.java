package dev.cdkbootstrap.sandbox.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.support.CloudFormationYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntrinsicsTest {
    private static final String TEMPLATE = """
            Parameters:
              OrgId: {Type: String, Default: ""}
            Conditions:
              HasOrg: !Not [!Equals [!Ref OrgId, ""]]
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  Name: !Sub "${AWS::StackName}-role"
                  Arn: !GetAtt Topic.Arn
                  Condition: !If [HasOrg, {StringEquals: {org: !Ref OrgId}}, !Ref AWS::NoValue]
                  Joined: !Join [",", [a, !Ref OrgId, b]]
            """;

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private Map<String, Object> roleProperties(Map<String, String> parameters) throws Exception {
        Path file = Files.writeString(dir.resolve("t.yaml"), TEMPLATE);
        Map<String, Object> template = CloudFormationYaml.load(file);
        Intrinsics intrinsics = new Intrinsics(parameters, (Map<String, Object>) template.get("Conditions"),
                ref -> "ref-of-" + ref, (id, att) -> "arn-of-" + id + "." + att);
        Map<String, Object> role = (Map<String, Object>) ((Map<String, Object>) template.get("Resources")).get("Role");
        return (Map<String, Object>) intrinsics.resolve(role.get("Properties"));
    }

    @Test
    void shortFormTagsResolveToTheSandboxValues() throws Exception {
        Map<String, Object> props = roleProperties(Map.of("AWS::StackName", "sandbox", "OrgId", ""));
        assertThat(props).containsEntry("Name", "sandbox-role").containsEntry("Arn", "arn-of-Topic.Arn")
                .containsEntry("Joined", "a,,b");
    }

    @Test
    void aFalseConditionWithNoValueDropsTheKey() throws Exception {
        assertThat(roleProperties(Map.of("AWS::StackName", "s", "OrgId", ""))).doesNotContainKey("Condition");
    }

    @Test
    void aTrueConditionTakesTheFirstBranch() throws Exception {
        assertThat(roleProperties(Map.of("AWS::StackName", "s", "OrgId", "o-1")).get("Condition"))
                .isEqualTo(Map.of("StringEquals", Map.of("org", "o-1")));
    }

    @Test
    void anUnsupportedFunctionIsNamedInTheError() {
        Intrinsics intrinsics = new Intrinsics(Map.of(), Map.of(), r -> r, (a, b) -> a);
        assertThatThrownBy(() -> intrinsics.resolve(Map.of("Fn::GetAZs", List.of())))
                .hasMessageContaining("Fn::GetAZs");
    }

    @Test
    void aRefToAListParameterIsTheListOfItsElements() {
        Intrinsics intrinsics = new Intrinsics(Map.of("Arns", "arn:a,arn:b", "One", "x,y"), java.util.Set.of("Arns"), Map.of(),
                ref -> "ref-of-" + ref, (id, att) -> "arn-of-" + id + "." + att);
        assertThat(intrinsics.resolve(Map.of("Ref", "Arns"))).isEqualTo(List.of("arn:a", "arn:b"));
        assertThat(intrinsics.resolve(Map.of("Ref", "One"))).as("a String parameter stays a string").isEqualTo("x,y");
    }
}
