package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Execution policies from files (a named file and the default-named file beside cdk-app.yml) are
 * created in the target accounts as {@code <app_prefix>-exec-<region>} and passed to the
 * toolkit stack.
 */
class ExecutionPolicyFilesE2E {

    @Test
    void policyFilesBecomePerRegionPoliciesInTheTargetAccounts() throws Exception {
        try (var session = E2ESupport.open("policies", "--config", E2ESupport.resource("policies/cdk-app.yml").toString())) {
            assertThat(E2ESupport.targets(session.run(0)).values())
                    .allSatisfy(t -> assertThat(t.path("outcome").asText()).isEqualTo("BOOTSTRAPPED"));
            assertPolicy(session, "222222222222", "eu-central-1", "lambda:*");
            assertPolicy(session, "111111111111", "eu-west-1", "cloudformation:*");
        }
    }

    private static void assertPolicy(E2ESupport.Session session, String account, String region, String action) {
        String arn = "arn:aws:iam::" + account + ":policy/sbx-exec-" + region;
        var iam = session.in(account, region).iam();
        var policy = iam.getPolicy(b -> b.policyArn(arn)).policy();
        String document = iam.getPolicyVersion(b -> b.policyArn(arn).versionId(policy.defaultVersionId())).policyVersion().document();
        assertThat(URLDecoder.decode(document, StandardCharsets.UTF_8)).contains(action);
        assertThat(session.stackParameter(account, region, "CloudFormationExecutionPolicies")).isEqualTo(arn);
    }
}
