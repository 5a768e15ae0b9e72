package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code --parameter KEY=VALUE} deploys template.yaml with that value, instead of the sandbox's own or
 * the template's Default, and says so; the value reaches the functions' environment and the target
 * roles (role.yaml gets the same OrganizationId, as its StackSet would).
 */
class TemplateParametersE2E {

    @Test
    void explicitParametersReachTheDeploymentAndArePrinted() throws Exception {
        try (var session = E2ESupport.open("template-parameters", "--config", E2ESupport.sample("single-set.yml").toString(),
                "--dry-run", "--parameter", "OrganizationId=o-abcdefghij", "--parameter", "PipelineAccounts=111111111111",
                "--parameter", "AllowManagementAccount=true")) {
            assertThat(session.printed())
                    .contains("--parameter OrganizationId=o-abcdefghij (instead of the sandbox's o-sandbox0001)")
                    .contains("--parameter PipelineAccounts=111111111111 (instead of the template Default \"\")")
                    .contains("ConfigPublisherArns=arn:aws:iam::111111111111:user/moto");
            var loadConfig = session.session().sandbox().functionEnvironment("LoadConfigFunction");
            assertThat(loadConfig).containsEntry("ORGANIZATION_ID", "o-abcdefghij").containsEntry("PIPELINE_ACCOUNTS", "111111111111")
                    .containsEntry("ALLOW_MANAGEMENT_ACCOUNT", "true");
            assertThat(session.session().sandbox().functionEnvironment("PrepareTargetFunction"))
                    .containsEntry("ORGANIZATION_ID", "o-abcdefghij").containsEntry("ALLOW_MANAGEMENT_ACCOUNT", "true");
            String trust = URLDecoder.decode(session.in("222222222222", "us-east-1").iam()
                    .getRole(b -> b.roleName("cdk-bootstrap-orchestrator-target")).role().assumeRolePolicyDocument(), StandardCharsets.UTF_8);
            assertThat(trust).as("role.yaml deployed with the same organization").contains("\"aws:PrincipalOrgID\":\"o-abcdefghij\"")
                    .contains("role/sandbox-load-config");
            assertThat(E2ESupport.targets(session.run(0)).values()).hasSize(4)
                    .allSatisfy(t -> assertThat(t.path("outcome").asText()).isEqualTo("PLANNED"));
        }
    }
}
