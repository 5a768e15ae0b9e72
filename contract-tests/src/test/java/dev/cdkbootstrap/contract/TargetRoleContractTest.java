package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * target-account/role.yaml trusts only the orchestrator's PrepareTarget and build roles, and its
 * LoadConfig role for organization checks (OrganizationContractTest), always with the ExternalId.
 */
class TargetRoleContractTest {
    private final JsonNode role = CloudFormationYaml.read(ProjectFiles.path("target-account/role.yaml"))
            .path("Resources").path("TargetRole").path("Properties");
    private final JsonNode template = CloudFormationYaml.read(ProjectFiles.path("template.yaml"));

    @Test
    void trustIsTheOrchestratorAccountLimitedToThePrepareTargetAndBuildRoles() {
        JsonNode trust = role.path("AssumeRolePolicyDocument").path("Statement");
        assertThat(trust).hasSize(2);
        JsonNode statement = trust.get(0);
        assertThat(statement.path("Principal").path("AWS").path("Fn::Sub").asText())
                .isEqualTo("arn:${AWS::Partition}:iam::${OrchestratorAccountId}:root");
        List<String> principals = new ArrayList<>();
        statement.path("Condition").path("ArnEquals").path("aws:PrincipalArn").forEach(p -> principals.add(p.path("Fn::Sub").asText()));
        assertThat(principals).containsExactly(
                "arn:${AWS::Partition}:iam::${OrchestratorAccountId}:role/${PrepareTargetRoleName}",
                "arn:${AWS::Partition}:iam::${OrchestratorAccountId}:role/${BootstrapBuildRoleName}");
    }

    @Test
    void theLoadConfigRoleIsTrustedOnItsOwn() {
        JsonNode statement = role.path("AssumeRolePolicyDocument").path("Statement").get(1);
        assertThat(statement.path("Condition").path("ArnEquals").path("aws:PrincipalArn").path("Fn::Sub").asText())
                .isEqualTo("arn:${AWS::Partition}:iam::${OrchestratorAccountId}:role/${LoadConfigRoleName}");
        assertThat(template.path("Resources").path("LoadConfigRole").path("Properties").path("RoleName").path("Fn::Sub").asText())
                .isEqualTo("${AWS::StackName}-load-config");
        assertThat(template.path("Resources").path("LoadConfigFunction").path("Properties").path("Role")
                .path("Fn::GetAtt").get(0).asText()).isEqualTo("LoadConfigRole");
    }

    @Test
    void trustRequiresTheExternalIdWithOrWithoutAnOrganization() {
        for (JsonNode statement : role.path("AssumeRolePolicyDocument").path("Statement")) {
            JsonNode branches = statement.path("Condition").path("StringEquals").path("Fn::If");
            assertThat(branches.get(0).asText()).isEqualTo("HasOrganization");
            assertThat(branches.get(1).path("sts:ExternalId").path("Ref").asText()).isEqualTo("ExternalId");
            assertThat(branches.get(1).path("aws:PrincipalOrgID").path("Ref").asText()).isEqualTo("OrganizationId");
            assertThat(branches.get(2).path("sts:ExternalId").path("Ref").asText()).isEqualTo("ExternalId");
        }
    }

    @Test
    void orchestratorRoleNamesMatchWhatTheRoleTemplateTrusts() {
        assertThat(template.path("Resources").path("PrepareTargetRole").path("Properties").path("RoleName").path("Fn::Sub").asText())
                .isEqualTo("${AWS::StackName}-prepare-target");
        assertThat(template.path("Resources").path("BootstrapBuildRole").path("Properties").path("RoleName").path("Fn::Sub").asText())
                .isEqualTo("${AWS::StackName}-bootstrap-build");
        assertThat(template.path("Resources").path("PrepareTargetFunction").path("Properties").path("Role")
                .path("Fn::GetAtt").get(0).asText()).isEqualTo("PrepareTargetRole");
        // VerifyTarget reads the same target with the same role: the target role trusts only that Lambda role.
        assertThat(template.path("Resources").path("VerifyTargetFunction").path("Properties").path("Role")
                .path("Fn::GetAtt").get(0).asText()).isEqualTo("PrepareTargetRole");
        assertThat(template.path("Resources").path("BootstrapProject").path("Properties").path("ServiceRole")
                .path("Fn::GetAtt").get(0).asText()).isEqualTo("BootstrapBuildRole");
    }

    @Test
    void bootstrapResourcesAreScopedToTheQualifier() {
        List<String> unscoped = new ArrayList<>();
        for (JsonNode statement : role.path("Policies").get(0).path("PolicyDocument").path("Statement")) {
            String sid = statement.path("Sid").asText();
            JsonNode resource = statement.path("Resource");
            if (sid.startsWith("Manage") && !sid.equals("ManageToolkitStack") && !resource.toString().contains("${Qualifier}")
                    && !resource.toString().contains("${AppPrefix}-exec-")) {
                unscoped.add(sid);
            }
        }
        assertThat(unscoped).isEmpty();
    }
}
