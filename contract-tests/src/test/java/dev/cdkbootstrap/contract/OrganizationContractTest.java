package dev.cdkbootstrap.contract;

import static dev.cdkbootstrap.contract.PolicyEvaluation.Decision.ALLOW;
import static dev.cdkbootstrap.contract.PolicyEvaluation.Decision.DENY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.contract.PolicyEvaluation.Request;
import dev.cdkbootstrap.workflow.SessionNames;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * With an organization, the orchestrator's roles assume target roles only in accounts of it
 * (aws:ResourceOrgID: the organization of the account that owns the role assumed); with
 * {@code OrganizationId=NONE} that condition is absent (Fn::If). Every function that assumes target roles,
 * and LoadConfig, knows the organization and may read its own; the target role may tell its account's.
 */
class OrganizationContractTest {
    private static final String TARGET_ROLE = "arn:aws:iam::222222222222:role/cdk-bootstrap-orchestrator-target";

    @Test
    void exactlyTheLoadConfigPrepareTargetAndBuildRolesAssumeRolesAndOnlyTheTargetRole() {
        ResolvedTemplate template = ResolvedTemplate.with();
        Set<String> assuming = new TreeSet<>();
        for (String role : template.ofType("AWS::IAM::Role")) {
            for (JsonNode statement : template.statementsOf(role)) {
                for (JsonNode action : PolicyEvaluation.list(statement.path("Action"))) {
                    if (grants(action.asText())) {
                        assuming.add(role);
                        assertThat(statement.path("Resource").asText()).as(role)
                                .isEqualTo("arn:aws:iam::*:role/cdk-bootstrap-orchestrator-target");
                    }
                }
            }
        }
        assertThat(assuming).containsExactly("BootstrapBuildRole", "LoadConfigRole", "PrepareTargetRole");
    }

    @Test
    void withAnOrganizationEveryAssumeRoleGrantRequiresTheTargetToBeInIt() {
        ResolvedTemplate template = ResolvedTemplate.with();
        for (String role : List.of("BootstrapBuildRole", "LoadConfigRole", "PrepareTargetRole")) {
            Request assume = Request.byRole(template.roleArn(role), "sts:AssumeRole", TARGET_ROLE);
            assertThat(PolicyEvaluation.identity(template.statementsOf(role), assume.with("aws:ResourceOrgID", ResolvedTemplate.ORGANIZATION)))
                    .as(role + ", target in the organization").isEqualTo(ALLOW);
            assertThat(PolicyEvaluation.identity(template.statementsOf(role), assume.with("aws:ResourceOrgID", "o-someoneelse1")))
                    .as(role + ", target in another organization").isNotEqualTo(ALLOW);
            assertThat(PolicyEvaluation.identity(template.statementsOf(role), assume))
                    .as(role + ", target in no organization").isNotEqualTo(ALLOW);
            for (JsonNode statement : assumeStatements(template, role)) {
                assertThat(statement.path("Condition").path("StringEquals").path("aws:ResourceOrgID").asText())
                        .isEqualTo(ResolvedTemplate.ORGANIZATION);
            }
        }
    }

    @Test
    void withoutAnOrganizationTheConditionIsAbsent() {
        ResolvedTemplate template = ResolvedTemplate.with("OrganizationId", "NONE");
        for (String role : List.of("BootstrapBuildRole", "LoadConfigRole", "PrepareTargetRole")) {
            for (JsonNode statement : assumeStatements(template, role)) {
                assertThat(statement.has("Condition")).as(role).isFalse();
            }
            assertThat(PolicyEvaluation.identity(template.statementsOf(role),
                    Request.byRole(template.roleArn(role), "sts:AssumeRole", TARGET_ROLE))).as(role).isEqualTo(ALLOW);
        }
    }

    @Test
    void theFunctionsThatAssumeTargetRolesAndLoadConfigKnowTheOrganizationAndMayReadTheirOwn() {
        for (String organization : List.of(ResolvedTemplate.ORGANIZATION, "NONE")) {
            ResolvedTemplate template = ResolvedTemplate.with("OrganizationId", organization);
            for (String function : List.of("LoadConfigFunction", "PrepareTargetFunction", "VerifyTargetFunction")) {
                assertThat(template.environment(function)).as(function).containsEntry("ORGANIZATION_ID", organization);
                String role = template.roleOf(function);
                assertThat(PolicyEvaluation.identity(template.statementsOf(role), Request.byRole(template.roleArn(role),
                        "organizations:DescribeOrganization", "*"))).as(function).isEqualTo(ALLOW);
            }
        }
    }

    @Test
    void loadConfigKnowsThePipelineAccountsAndBothKnowWhetherTheManagementAccountIsAllowed() {
        ResolvedTemplate defaults = ResolvedTemplate.with();
        assertThat(defaults.environment("LoadConfigFunction")).as("empty: the stack's own account")
                .containsEntry("PIPELINE_ACCOUNTS", ResolvedTemplate.ACCOUNT).containsEntry("ALLOW_MANAGEMENT_ACCOUNT", "false");
        assertThat(defaults.environment("PrepareTargetFunction")).containsEntry("ALLOW_MANAGEMENT_ACCOUNT", "false");
        ResolvedTemplate given = ResolvedTemplate.with("PipelineAccounts", "111111111111,222222222222", "AllowManagementAccount", "true");
        assertThat(given.environment("LoadConfigFunction")).containsEntry("PIPELINE_ACCOUNTS", "111111111111,222222222222")
                .containsEntry("ALLOW_MANAGEMENT_ACCOUNT", "true");
        assertThat(given.environment("PrepareTargetFunction")).containsEntry("ALLOW_MANAGEMENT_ACCOUNT", "true");
    }

    @Test
    void theTargetRoleTellsItsOrganizationAndLoadConfigsSessionsDoNothingElse() {
        TargetRoleTemplate role = TargetRoleTemplate.resolved(Map.of());
        String session = "arn:aws:sts::222222222222:assumed-role/cdk-bootstrap-orchestrator-target/x";
        Request describe = new Request(session, "organizations:DescribeOrganization", "*", Map.of("aws:userid", "AROAEXAMPLE:bootstrap-run-1"));
        assertThat(PolicyEvaluation.identity(role.statements(), describe)).isEqualTo(ALLOW);
        Request loadConfig = describe.with("aws:userid", "AROAEXAMPLE:" + SessionNames.forOrganizationCheck("run-1"));
        assertThat(PolicyEvaluation.identity(role.statements(), loadConfig)).isEqualTo(ALLOW);
        assertThat(PolicyEvaluation.identity(role.statements(), loadConfig.on("iam:CreateRole",
                "arn:aws:iam::222222222222:role/cdk-hnb659fds-cfn-exec-role-222222222222-eu-west-1"))).isEqualTo(DENY);
        assertThat(PolicyEvaluation.identity(role.statements(), describe.on("iam:CreateRole",
                "arn:aws:iam::222222222222:role/cdk-hnb659fds-cfn-exec-role-222222222222-eu-west-1"))).as("PrepareTarget's session")
                .isEqualTo(ALLOW);
    }

    @Test
    void theTargetRoleTrustsLoadConfigOnlyForSessionsNamedAsItsOrganizationCheck() {
        TargetRoleTemplate role = TargetRoleTemplate.resolved(Map.of("OrganizationId", ResolvedTemplate.ORGANIZATION));
        String loadConfig = "arn:aws:iam::999999999999:role/o-load-config";
        Request assume = Request.byRole(loadConfig, "sts:AssumeRole", role.arn()).with("sts:ExternalId", "cdk-bootstrap-orchestrator")
                .with("aws:PrincipalOrgID", ResolvedTemplate.ORGANIZATION);
        assertThat(role.trust(assume.with("sts:RoleSessionName", SessionNames.forOrganizationCheck("run-1")))).isEqualTo(ALLOW);
        assertThat(role.trust(assume.with("sts:RoleSessionName", "bootstrap-run-1"))).isNotEqualTo(ALLOW);
        assertThat(role.trust(assume.with("sts:RoleSessionName", SessionNames.forOrganizationCheck("run-1"))
                .with("aws:PrincipalOrgID", "o-someoneelse1"))).isNotEqualTo(ALLOW);
        assertThat(SessionNames.forOrganizationCheck("r".repeat(100))).hasSize(64).startsWith("cdk-bootstrap-load-config-");
        // The name the trust requires and the name the Deny singles out are the code's prefix.
        assertThat(role.properties().path("AssumeRolePolicyDocument").toString())
                .contains("\"sts:RoleSessionName\":\"" + SessionNames.ORGANIZATION_CHECK_PREFIX + "*\"");
        assertThat(role.statements().toString()).contains("\"aws:userid\":\"*:" + SessionNames.ORGANIZATION_CHECK_PREFIX + "*\"");
    }

    private static List<JsonNode> assumeStatements(ResolvedTemplate template, String role) {
        return template.statementsOf(role).stream()
                .filter(s -> PolicyEvaluation.list(s.path("Action")).stream().anyMatch(a -> grants(a.asText()))).toList();
    }

    /** IAM action globs: "*", "sts:*", "sts:Assume*", ... all grant sts:AssumeRole (or sts:TagSession). */
    private static boolean grants(String action) {
        String regex = Pattern.quote(action.toLowerCase()).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return List.of("sts:assumerole", "sts:tagsession").stream().anyMatch(a -> a.matches(regex));
    }
}
