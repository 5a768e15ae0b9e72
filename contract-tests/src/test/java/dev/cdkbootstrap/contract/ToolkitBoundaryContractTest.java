package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optional permissions boundary end to end in the templates: target-account/role.yaml's
 * ToolkitPermissionsBoundary makes the target role create or change cdk-* roles only with exactly that
 * boundary (iam:PermissionsBoundary) and never remove it; template.yaml's parameter of the same name
 * reaches the functions that decide, verify and start builds.
 */
class ToolkitBoundaryContractTest {
    private static final String ACCOUNT = "123456789012";
    private static final String BOUNDARY = "cdk-guardrail";
    private static final String BOUNDARY_ARN = "arn:aws:iam::" + ACCOUNT + ":policy/" + BOUNDARY;
    private static final String TOOLKIT_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/cdk-hnb659fds-cfn-exec-role-" + ACCOUNT + "-eu-west-1";
    /** The calls that decide what a role may do; IAM puts the boundary (requested or the role's) in their context. */
    private static final List<String> PERMISSION_CALLS = List.of("iam:CreateRole", "iam:PutRolePermissionsBoundary",
            "iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:DetachRolePolicy", "iam:DeleteRolePolicy");

    private final TargetRolePolicy required = TargetRolePolicy.read("hnb659fds", ACCOUNT,
            Map.of("ToolkitPermissionsBoundary", BOUNDARY));
    private final TargetRolePolicy notRequired = TargetRolePolicy.read("hnb659fds", ACCOUNT);

    @Test
    void withTheBoundaryEveryPermissionCallOnAToolkitRoleNeedsExactlyThatBoundary() {
        for (String action : PERMISSION_CALLS) {
            assertThat(required.allows(action, TOOLKIT_ROLE, Map.of("iam:PermissionsBoundary", BOUNDARY_ARN))).as(action).isTrue();
            assertThat(required.allows(action, TOOLKIT_ROLE, Map.of())).as(action + " without a boundary").isFalse();
            assertThat(required.allows(action, TOOLKIT_ROLE, Map.of("iam:PermissionsBoundary",
                    "arn:aws:iam::" + ACCOUNT + ":policy/AdministratorAccess"))).as(action + " with another boundary").isFalse();
        }
    }

    @Test
    void withTheBoundaryItCanBeNeitherRemovedNorEdited() {
        Map<String, String> withBoundary = Map.of("iam:PermissionsBoundary", BOUNDARY_ARN);
        assertThat(required.allows("iam:DeleteRolePermissionsBoundary", TOOLKIT_ROLE, withBoundary)).isFalse();
        assertThat(required.statements()).anySatisfy(s -> {
            assertThat(s.path("Effect").asText()).isEqualTo("Deny");
            assertThat(s.path("Action").asText()).isEqualTo("iam:DeleteRolePermissionsBoundary");
            assertThat(s.path("Resource").asText()).isEqualTo("*");
        });
        for (String action : List.of("iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicyVersion",
                "iam:DeletePolicy")) {
            assertThat(required.allows(action, BOUNDARY_ARN, Map.of())).as(action + " on the boundary").isFalse();
        }
        // A boundary named like the toolkit's own policies is still protected (those may otherwise be edited).
        TargetRolePolicy lookalike = TargetRolePolicy.read("hnb659fds", ACCOUNT,
                Map.of("ToolkitPermissionsBoundary", "cdk-hnb659fds-permissions-boundary"));
        String lookalikeArn = "arn:aws:iam::" + ACCOUNT + ":policy/cdk-hnb659fds-permissions-boundary";
        assertThat(notRequired.allows("iam:CreatePolicyVersion", lookalikeArn)).isTrue();
        assertThat(lookalike.allows("iam:CreatePolicyVersion", lookalikeArn)).isFalse();
    }

    @Test
    void withoutTheBoundaryToolkitRolesAreManagedAsBeforeAndNothingIsDenied() {
        for (String action : PERMISSION_CALLS) {
            assertThat(notRequired.allows(action, TOOLKIT_ROLE, Map.of())).as(action).isTrue();
        }
        // The only Deny without a boundary is the organization-check sessions' (docs/deploy.md, "Security model").
        assertThat(notRequired.statements()).filteredOn(s -> s.path("Effect").asText().equals("Deny"))
                .extracting(s -> s.path("Sid").asText()).containsExactly("LoadConfigSessionsOnlyReadTheOrganization");
        assertThat(notRequired.statements()).noneSatisfy(s -> assertThat(s.toString()).contains("iam:PermissionsBoundary"));
    }

    @Test
    void theBoundaryLeavesEveryOtherGrantAsItIs() {
        for (String action : List.of("iam:GetRole", "iam:DeleteRole", "iam:TagRole", "iam:UpdateAssumeRolePolicy")) {
            assertThat(required.allows(action, TOOLKIT_ROLE, Map.of())).as(action).isTrue();
        }
        assertThat(required.allows("iam:CreateRole", "arn:aws:iam::" + ACCOUNT + ":role/Admin",
                Map.of("iam:PermissionsBoundary", BOUNDARY_ARN))).as("only cdk-<qualifier>-* roles").isFalse();
    }

    @Test
    void bothTemplatesTakeTheSameOptionalPolicyName() {
        JsonNode role = CloudFormationYaml.read(ProjectFiles.path("target-account/role.yaml")).path("Parameters")
                .path("ToolkitPermissionsBoundary");
        JsonNode orchestrator = CloudFormationYaml.read(ProjectFiles.path("template.yaml")).path("Parameters")
                .path("ToolkitPermissionsBoundary");
        assertThat(role.path("Default").asText()).isEmpty();
        assertThat(orchestrator.path("Default").asText()).isEmpty();
        assertThat(orchestrator.path("AllowedPattern")).isEqualTo(role.path("AllowedPattern"));
        String pattern = role.path("AllowedPattern").asText();
        assertThat(List.of("", BOUNDARY, "a+b=c,d.e@f_g-h")).allMatch(name -> name.matches(pattern));
        assertThat(List.of("policy/with/path", "arn:aws:iam::1:policy/x", "x".repeat(129))).noneMatch(name -> name.matches(pattern));
    }

    /** Globals reach PrepareTarget, VerifyTarget and StartBootstrap alike (EnvironmentContractTest checks the table). */
    @Test
    void theOrchestratorsParameterReachesTheFunctionsAsTheirEnvironment() {
        JsonNode template = CloudFormationYaml.read(ProjectFiles.path("template.yaml"));
        assertThat(template.path("Globals").path("Function").path("Environment").path("Variables")
                .path("TOOLKIT_PERMISSIONS_BOUNDARY").path("Ref").asText()).isEqualTo("ToolkitPermissionsBoundary");
        for (String function : List.of("PrepareTargetFunction", "VerifyTargetFunction", "StartBootstrapFunction")) {
            assertThat(template.path("Resources").path(function).path("Properties").path("Environment").path("Variables")
                    .has("TOOLKIT_PERMISSIONS_BOUNDARY")).as(function + " does not override it").isFalse();
        }
    }
}
