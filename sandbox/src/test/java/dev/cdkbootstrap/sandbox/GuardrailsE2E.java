package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deployment's guardrails (PipelineAccounts, OrganizationId, AllowManagementAccount) refuse what
 * they should, in the organization the sandbox emulates (docs/sandbox.md, "Organizations"), with
 * examples/single-set.yml: pipeline 111111111111 (where the sandbox deploys), dev 222222222222
 * (trusted by preprod 333333333333 and prod 444444444444).
 */
class GuardrailsE2E {
    private static final String PIPELINE = "111111111111";
    private static final String DEV = "222222222222";
    private static final String REGION = "eu-west-1";

    /**
     * The guardrails reach the functions through template.yaml's ORGANIZATION_ID / PIPELINE_ACCOUNTS /
     * ALLOW_MANAGEMENT_ACCOUNT variables and the sandbox's {@code --parameter} (branch guard-template);
     * until both are here each test is reported skipped, not passed.
     */
    @BeforeEach
    void guardrailsAreDeployed() throws Exception {
        String template = Files.readString(E2ESupport.projectRoot().resolve("template.yaml"));
        Assumptions.assumeTrue(template.contains("ORGANIZATION_ID:") && template.contains("PIPELINE_ACCOUNTS:")
                && SandboxOptions.USAGE.contains("--parameter"),
                "template.yaml does not pass the guardrails to the functions, or the sandbox has no --parameter yet");
    }

    private static E2ESupport.Session open(String name, String... options) throws Exception {
        String[] args = new String[options.length + 3];
        args[0] = "--config";
        args[1] = E2ESupport.sample("single-set.yml").toString();
        args[2] = "--simulated-builds";
        System.arraycopy(options, 0, args, 3, options.length);
        return E2ESupport.open(name, args);
    }

    private static void assertOutcome(JsonNode target, String outcome, String code) {
        assertThat(target.path("outcome").asText()).as(target.toString()).isEqualTo(outcome);
        assertThat(target.path("reasonCode").asText()).as(target.toString()).isEqualTo(code);
    }

    @Test
    void aPipelineAccountOutsidePipelineAccountsRefusesTheConfig() throws Exception {
        try (var session = open("guard-pipeline", "--parameter", "PipelineAccounts=999999999999")) {
            RunOutcome run = session.run(0);
            assertThat(run.status()).isEqualTo("FAILED");
            assertThat(run.error()).isEqualTo("dev.cdkbootstrap.workflow.error.ConfigInvalid");
            assertThat(run.cause()).contains("cdk_app_config.pipeline.account: " + PIPELINE)
                    .contains("PipelineAccounts: 999999999999");
            assertThat(session.buildsStarted()).isZero();
            assertThat(session.printed()).contains("deployed template.yaml into account " + PIPELINE + "/us-east-1");
        }
    }

    @Test
    void aTrustedAccountOutsideTheOrganizationRefusesTheTargetsThatTrustIt() throws Exception {
        try (var session = open("guard-outside", "--outside-organization", DEV)) {
            Map<String, JsonNode> targets = E2ESupport.targets(session.run(0));
            for (String account : new String[] {"333333333333", "444444444444"}) {
                JsonNode target = targets.get(account + "/" + REGION);
                assertOutcome(target, "FAILED", "TRUST_OUTSIDE_ORGANIZATION");
                assertThat(target.path("reason").asText()).contains("would trust " + DEV)
                        .contains("o-sandbox0001");
                assertThat(target.path("buildId").isNull() || target.path("buildId").isMissingNode()).as("no build").isTrue();
            }
            JsonNode dev = targets.get(DEV + "/" + REGION);
            assertOutcome(dev, "FAILED", "ACCESS_DENIED");
            assertThat(dev.path("reason").asText()).contains("aws:ResourceOrgID");
            assertOutcome(targets.get(PIPELINE + "/" + REGION), "BOOTSTRAPPED", "TOOLKIT_MISSING");
            assertThat(session.buildsStarted()).as("only the pipeline account's target is built").isEqualTo(1);
            assertThat(session.printed())
                    .contains("sandbox: [organizations] DescribeOrganization answered by the sandbox")
                    .contains("sandbox: [organizations] AssumeRole into " + DEV + " denied");
        }
    }

    @Test
    void theManagementAccountIsRefusedUnlessAllowed() throws Exception {
        String management = "444444444444";
        try (var session = open("guard-management", "--management-account", management)) {
            Map<String, JsonNode> targets = E2ESupport.targets(session.run(0));
            assertOutcome(targets.get(management + "/" + REGION), "FAILED", "MANAGEMENT_ACCOUNT");
            assertThat(targets.get(management + "/" + REGION).path("reason").asText())
                    .contains("management account of o-sandbox0001");
            for (String account : new String[] {PIPELINE, DEV, "333333333333"}) {
                assertOutcome(targets.get(account + "/" + REGION), "BOOTSTRAPPED", "TOOLKIT_MISSING");
            }
            assertThat(session.buildsStarted()).isEqualTo(3);
        }
        try (var session = open("guard-management-allowed", "--management-account", management,
                "--parameter", "AllowManagementAccount=true")) {
            Map<String, JsonNode> targets = E2ESupport.targets(session.run(0));
            assertThat(targets.values()).hasSize(4)
                    .allSatisfy(t -> assertThat(t.path("outcome").asText()).isEqualTo("BOOTSTRAPPED"));
        }
    }

    @Test
    void withOrganizationIdNoneNothingIsEmulatedAndAnOutsideAccountIsTrusted() throws Exception {
        try (var session = open("guard-none", "--parameter", "OrganizationId=NONE", "--outside-organization", DEV)) {
            Map<String, JsonNode> targets = E2ESupport.targets(session.run(0));
            assertThat(targets.values()).hasSize(4)
                    .allSatisfy(t -> assertThat(t.path("outcome").asText()).isEqualTo("BOOTSTRAPPED"));
            assertThat(session.printed()).contains("OrganizationId NONE: no organization is emulated")
                    .doesNotContain("[organizations]");
        }
    }
}
