package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;

/**
 * One target without the cross-account role and one whose build fails: both FAILED with the reason,
 * every other target unaffected, the run (and the CLI) report failure. One session for the class.
 */
class FailureIsolationE2E {
    private static final String NO_ROLE = "333333333333";
    private static final String FAILING = "444444444444/eu-west-1";
    private static E2ESupport.Session session;
    private static Map<String, JsonNode> targets;

    @BeforeAll
    static void run() throws Exception {
        session = E2ESupport.open("failure-isolation", "--config", E2ESupport.sample("single-set.yml").toString(),
                "--without-role", NO_ROLE, "--failing-build", FAILING);
        targets = E2ESupport.targets(session.run(0));
    }

    @AfterAll
    static void close() {
        if (session != null) session.close();
    }

    @Test
    void aTargetWithoutTheRoleFailsWithAccessDenied() {
        JsonNode target = targets.get(NO_ROLE + "/eu-west-1");
        assertThat(target.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(target.path("reason").asText()).containsIgnoringCase("TargetAccessDenied");
        assertThatThrownBy(() -> session.toolkitStack(NO_ROLE, "eu-west-1")).as("nothing deployed there")
                .isInstanceOf(CloudFormationException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aFailingBuildFailsItsTargetNamingThePhase() {
        JsonNode target = targets.get(FAILING);
        assertThat(target.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(target.path("reason").asText()).contains("FAILED").contains("BUILD");
        assertThat(target.path("buildId").asText()).isNotBlank();
    }

    @Test
    void theOtherTargetsAreBootstrapped() {
        for (String account : new String[] {"111111111111", "222222222222"}) {
            assertThat(targets.get(account + "/eu-west-1").path("outcome").asText()).isEqualTo("BOOTSTRAPPED");
            assertThat(session.bootstrapVersion(account, "eu-west-1")).isEqualTo("33");
        }
    }

    @Test
    void theRunFailsAndSaysHowMany() {
        assertThat(session.run(0).status()).isEqualTo("FAILED");
        assertThat(session.run(0).succeeded()).isFalse();
        assertThat(session.run(0).report().orElseThrow().path("counts").path("failed").asInt()).isEqualTo(2);
    }
}
