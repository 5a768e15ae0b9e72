package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's ToolkitPermissionsBoundary end to end ({@code --parameter}), with the real pinned
 * {@code cdk bootstrap} in every build: the target accounts get the policy beside the target role (which
 * requires it), every toolkit role the CLI creates carries it, the report's observation shows it, and the
 * next run finds every toolkit UP_TO_DATE.
 */
class PermissionsBoundaryE2E {
    private static final String BOUNDARY = "cdk-guardrail";
    /** The five roles of the pinned bootstrap template, by their name's middle part. */
    private static final List<String> TOOLKIT_ROLES = List.of("cfn-exec-role", "deploy-role", "file-publishing-role",
            "image-publishing-role", "lookup-role");

    @Test
    void theRequiredBoundaryReachesEveryToolkitRoleAndTheReport() throws Exception {
        try (var session = E2ESupport.open("permissions-boundary", "--config",
                E2ESupport.sample("single-set.yml").toString(), "--parameter", "ToolkitPermissionsBoundary=" + BOUNDARY,
                "--rerun")) {
            assertThat(session.printed()).contains(SandboxSession.boundaryNotice(BOUNDARY, 4));
            var first = session.run(0);
            Map<String, JsonNode> targets = E2ESupport.targets(first);
            assertThat(targets).hasSize(4);
            for (var entry : targets.entrySet()) {
                JsonNode target = entry.getValue();
                assertThat(target.path("outcome").asText()).as(entry.getKey() + ": " + target).isEqualTo("BOOTSTRAPPED");
                assertThat(target.path("reason").asText()).contains("permissions boundary " + BOUNDARY + " (every role)");
                assertThat(target.path("observed").path("permissionsBoundary").asText()).isEqualTo(BOUNDARY);
                assertThat(target.path("observed").path("permissionsBoundaryAllRoles").asBoolean()).isTrue();
                String account = entry.getKey().split("/")[0];
                String region = entry.getKey().split("/")[1];
                try (var iam = session.in(account, region).iam()) {
                    for (String role : TOOLKIT_ROLES) {
                        String name = "cdk-hnb659fds-" + role + "-" + account + "-" + region;
                        assertThat(iam.getRole(b -> b.roleName(name)).role().permissionsBoundary().permissionsBoundaryArn())
                                .as(name).isEqualTo("arn:aws:iam::" + account + ":policy/" + BOUNDARY);
                    }
                }
            }
            assertThat(first.succeeded()).isTrue();
            assertThat(E2ESupport.targets(session.run(1)).values()).allSatisfy(target ->
                    assertThat(target.path("reasonCode").asText()).as(target.toString()).isEqualTo("UP_TO_DATE"));
        }
    }
}
