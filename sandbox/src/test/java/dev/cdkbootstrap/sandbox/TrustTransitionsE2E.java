package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.sandbox.toolkit.BootstrapTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Trust and policies changed between two uploads (--then-config), with the real CDK CLI updating the
 * toolkit stacks in the emulator; then the same file once more (--rerun): nothing left to do.
 * Configs: src/test/resources/e2e/transitions/ (what changes where is commented there).
 */
class TrustTransitionsE2E extends RerunE2E {
    private static final String REGION = "eu-west-1";
    private static final String PIPELINE = "111111111111";
    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    @Override
    E2ESupport.Session open() throws Exception {
        return E2ESupport.open("transitions",
                "--config", E2ESupport.resource("transitions/cdk-app-v1.yml").toString(),
                "--given", E2ESupport.resource("transitions/given.yml").toString(),
                "--then-config", E2ESupport.resource("transitions/cdk-app-v2.yml").toString(), "--rerun");
    }

    private List<String> observedTrust(Map<String, JsonNode> run, String account) {
        List<String> trust = new ArrayList<>();
        run.get(account + "/" + REGION).path("observed").path("trust").forEach(a -> trust.add(a.asText()));
        return trust;
    }

    /** The second run bootstrapped it because its settings differ, and report and emulator agree on the trust. */
    private void changedTo(String account, List<String> trust) {
        JsonNode target = second.get(account + "/" + REGION);
        assertThat(target.path("outcome").asText()).as(target.toString()).isEqualTo("BOOTSTRAPPED");
        assertThat(target.path("reasonCode").asText()).isEqualTo("SETTINGS_DIFFER");
        assertThat(observedTrust(second, account)).containsExactlyElementsOf(trust);
        assertThat(session.stackParameter(account, REGION, "TrustedAccounts")).isEqualTo(String.join(",", trust));
    }

    @Test
    void everyTargetOfTheFirstConfigWasBootstrapped() {
        assertThat(first.values()).extracting(t -> t.path("outcome").asText()).containsOnly("BOOTSTRAPPED");
        assertThat(observedTrust(first, PIPELINE)).containsExactly("340000000001");
    }

    @Test
    void trustAdded() {
        assertThat(observedTrust(first, "310000000003")).containsExactly(PIPELINE);
        changedTo("310000000003", List.of(PIPELINE, "310000000001"));
    }

    @Test
    void trustShrunk() {
        assertThat(observedTrust(first, "320000000003")).containsExactly(PIPELINE, "320000000001", "330000000001");
        changedTo("320000000003", List.of(PIPELINE, "320000000001"));
    }

    @Test
    void trustRemovedToNothing() {
        changedTo(PIPELINE, List.of());
        assertThat(second.get(PIPELINE + "/" + REGION).path("reason").asText())
                .startsWith("removed trust for 340000000001");
    }

    @Test
    void policiesReplaced() {
        JsonNode target = second.get("350000000001/" + REGION);
        assertThat(target.path("outcome").asText()).isEqualTo("BOOTSTRAPPED");
        assertThat(target.path("reasonCode").asText()).isEqualTo("SETTINGS_DIFFER");
        assertThat(target.path("observed").path("executionPolicies").get(0).asText())
                .isEqualTo("arn:aws:iam::aws:policy/PowerUserAccess");
        assertThat(session.stackParameter("350000000001", REGION, "CloudFormationExecutionPolicies"))
                .isEqualTo("arn:aws:iam::aws:policy/PowerUserAccess");
    }

    @Test
    void anOutdatedToolkitWasUpgradedToThePinnedVersion() {
        int pinned = BootstrapTemplate.pinned(E2ESupport.projectRoot()).version();
        JsonNode target = first.get("360000000001/" + REGION);
        assertThat(target.path("reasonCode").asText()).isEqualTo("TOOLKIT_OUTDATED");
        assertThat(target.path("observed").path("version").asInt()).isEqualTo(pinned);
        assertThat(session.bootstrapVersion("360000000001", REGION)).isEqualTo(Integer.toString(pinned));
        assertThat(session.stackParameter("360000000001", REGION, "CloudFormationExecutionPolicies")).isEqualTo(READ_ONLY);
    }

    @Test
    void targetsTheSecondConfigDidNotChangeWereSkipped() {
        for (String account : List.of("320000000001", "330000000001", "340000000001", "360000000001")) {
            assertThat(second.get(account + "/" + REGION).path("reasonCode").asText()).as(account).isEqualTo("UP_TO_DATE");
        }
        assertThat(second.get("310000000001/" + REGION).path("reasonCode").asText()).isEqualTo("TOOLKIT_MISSING");
    }

    @Test
    void theSameFileOnceMoreFindsEveryTargetUpToDate() {
        assertThat(third).hasSize(9);
        assertThat(third.values()).allSatisfy(t -> {
            assertThat(t.path("outcome").asText()).as(t.toString()).isEqualTo("SKIPPED");
            assertThat(t.path("reasonCode").asText()).isEqualTo("UP_TO_DATE");
        });
        assertThat(session.run(2).status()).isEqualTo("SUCCEEDED");
    }
}
