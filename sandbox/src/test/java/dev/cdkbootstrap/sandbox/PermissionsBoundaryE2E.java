package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.sandbox.codebuild.BuildSettings;
import dev.cdkbootstrap.sandbox.deploy.Deployment;
import dev.cdkbootstrap.sandbox.run.ReportTable;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.sandbox.run.SandboxRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's ToolkitPermissionsBoundary end to end, with the real pinned {@code cdk bootstrap} in every
 * build: the target accounts get the policy beside the target role (which requires it), every toolkit role
 * the CLI creates carries it, the report's observation shows it, and the next run finds every toolkit
 * UP_TO_DATE. The sandbox has no command-line option for template parameters yet, so this test deploys
 * through {@link Sandbox#deploy} with the parameter, as {@link SandboxSession} does with its own.
 */
class PermissionsBoundaryE2E {
    private static final String BOUNDARY = "cdk-guardrail";
    /** The five roles of the pinned bootstrap template, by their name's middle part. */
    private static final List<String> TOOLKIT_ROLES = List.of("cfn-exec-role", "deploy-role", "file-publishing-role",
            "image-publishing-role", "lookup-role");

    @Test
    void theRequiredBoundaryReachesEveryToolkitRoleAndTheReport() throws Exception {
        Path config = E2ESupport.sample("single-set.yml");
        LocalConfig local = LocalConfig.read(config, config.getParent());
        try (Sandbox sandbox = Sandbox.start(E2ESupport.projectRoot(), Path.of("target/sandbox-e2e/permissions-boundary"),
                new BuildSettings(List.of(), List.of(), 4, false))) {
            Deployment deployment = sandbox.deploy(Map.of("BuildPollSeconds", "2", "BuildDeadlineMinutes", "5",
                    "ToolkitPermissionsBoundary", BOUNDARY), SandboxSession.TIMING_CAP_SECONDS, System.out);
            Optional<String> created = sandbox.createTargetRoles(local.accounts(), local.appPrefix());
            assertThat(created).contains(BOUNDARY);
            System.out.println(SandboxSession.boundaryNotice(BOUNDARY, local.accounts().size()));
            SandboxRunner runner = new SandboxRunner(sandbox, deployment, System.out);

            RunOutcome first = runner.uploadAndRun(config, local.policyFiles(), false);
            ReportTable.print(first, System.out);
            Map<String, JsonNode> targets = E2ESupport.targets(first);
            assertThat(targets).hasSize(local.targets().size());
            for (var entry : targets.entrySet()) {
                JsonNode target = entry.getValue();
                assertThat(target.path("outcome").asText()).as(entry.getKey() + ": " + target).isEqualTo("BOOTSTRAPPED");
                assertThat(target.path("reason").asText()).contains("permissions boundary " + BOUNDARY + " (every role)");
                assertThat(target.path("observed").path("permissionsBoundary").asText()).isEqualTo(BOUNDARY);
                assertThat(target.path("observed").path("permissionsBoundaryAllRoles").asBoolean()).isTrue();
                String account = entry.getKey().split("/")[0];
                String region = entry.getKey().split("/")[1];
                try (var iam = sandbox.clients().inAccount(account, region).iam()) {
                    for (String role : TOOLKIT_ROLES) {
                        String name = "cdk-hnb659fds-" + role + "-" + account + "-" + region;
                        assertThat(iam.getRole(b -> b.roleName(name)).role().permissionsBoundary().permissionsBoundaryArn())
                                .as(name).isEqualTo("arn:aws:iam::" + account + ":policy/" + BOUNDARY);
                    }
                }
            }
            assertThat(first.succeeded()).isTrue();

            RunOutcome second = runner.uploadAndRun(config, local.policyFiles(), false);
            ReportTable.print(second, System.out);
            assertThat(E2ESupport.targets(second).values()).allSatisfy(target ->
                    assertThat(target.path("reasonCode").asText()).as(target.toString()).isEqualTo("UP_TO_DATE"));
        }
    }
}
