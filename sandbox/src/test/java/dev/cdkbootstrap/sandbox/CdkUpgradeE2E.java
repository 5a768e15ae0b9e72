package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.handler.PinnedCdkCli;
import dev.cdkbootstrap.sandbox.toolkit.BootstrapTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.Output;

/**
 * One-key CDK upgrades (docs/deploy.md, "Upgrading the CDK CLI"), with the CDK version really changed
 * between two runs of one sandbox ({@code --upgrade-cdk-from 2.1000.0:30}): run 1's functions are those of a
 * package built with aws-cdk 2.1000.0 pinned (template version 30; its builds simulated, that CLI is not
 * installed), run 2's those of the real pin (the functions redeployed, as sam build and sam deploy after a
 * new pin; real cdk bootstrap builds), run 3 ({@code --rerun}) the same. Targets: the pipeline and dev
 * toolkits, created by run 1's older CLI, and prod's, given at version 30 as an older CLI left it.
 */
class CdkUpgradeE2E {
    private static final String REGION = "eu-west-1";
    private static final String PIPELINE = "111111111111";
    private static final String DEV = "310000000001";
    private static final String PROD = "310000000002";
    private static final PinnedCdkCli OLDER = new PinnedCdkCli("2.1000.0", 30);
    private static PinnedCdkCli pinned;
    private static E2ESupport.Session session;

    @BeforeAll
    static void run() throws Exception {
        pinned = PinnedCdkCli.packaged();
        session = E2ESupport.open("cdk-upgrade", "--config", E2ESupport.resource("cdk-upgrade/cdk-app.yml").toString(),
                "--given", E2ESupport.resource("cdk-upgrade/given.yml").toString(),
                "--upgrade-cdk-from", OLDER.cliVersion() + ":" + OLDER.templateVersion(), "--rerun");
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    private static JsonNode target(int run, String account) {
        return E2ESupport.targets(session.run(run)).get(account + "/" + REGION);
    }

    private static String versionOutput(String account) {
        return session.toolkitStack(account, REGION).outputs().stream().filter(o -> o.outputKey().equals("BootstrapVersion"))
                .map(Output::outputValue).findFirst().orElse(null);
    }

    @Test
    void thePackagesPinIsTheInstalledClisTemplate() {
        assertThat(pinned.templateVersion()).isEqualTo(BootstrapTemplate.pinned(E2ESupport.projectRoot()).version())
                .isGreaterThan(OLDER.templateVersion());
        assertThat(session.outcomes()).hasSize(3);
        assertThat(session.printed())
                .contains("--upgrade-cdk-from: the functions are deployed as if package.json pinned " + OLDER)
                .contains("--upgrade-cdk-from: package.json now pins " + pinned + " instead of " + OLDER);
    }

    @Test
    void underTheOlderPinTheOlderClisToolkitsAreCreatedAndTheGivenOneIsUpToDate() {
        for (String account : List.of(PIPELINE, DEV)) {
            JsonNode t = target(0, account);
            assertThat(t.path("outcome").asText()).as(t.toString()).isEqualTo("BOOTSTRAPPED");
            assertThat(t.path("reasonCode").asText()).isEqualTo("TOOLKIT_MISSING");
            assertThat(t.path("observed").path("version").asInt()).as("verified at the older pin's version").isEqualTo(30);
        }
        JsonNode prod = target(0, PROD);
        assertThat(prod.path("outcome").asText()).as(prod.toString()).isEqualTo("SKIPPED");
        assertThat(prod.path("reasonCode").asText()).isEqualTo("UP_TO_DATE");
        assertThat(prod.path("reason").asText()).startsWith("up to date with the plan and the pinned template (version 30):"
                + " qualifier hnb659fds, trust ");
    }

    @Test
    void afterThePinChangesEveryToolkitIsFoundOutdatedAndUpgradedToTheDerivedVersion() {
        for (String account : List.of(PIPELINE, DEV, PROD)) {
            JsonNode t = target(1, account);
            assertThat(t.path("outcome").asText()).as(t.toString()).isEqualTo("BOOTSTRAPPED");
            assertThat(t.path("reasonCode").asText()).isEqualTo("TOOLKIT_OUTDATED");
            assertThat(t.path("reason").asText()).as("from which version to which")
                    .startsWith("updated from version 30 to " + pinned.templateVersion());
            assertThat(t.path("buildId").isNull()).isFalse();
            assertThat(t.path("observed").path("version").asInt()).as("verified").isEqualTo(pinned.templateVersion());
            // the emulator agrees: both places the template carries its version
            assertThat(versionOutput(account)).isEqualTo(Integer.toString(pinned.templateVersion()));
            assertThat(session.bootstrapVersion(account, REGION)).isEqualTo(Integer.toString(pinned.templateVersion()));
        }
        assertThat(session.stackParameter(PROD, REGION, "TrustedAccounts")).isEqualTo(PIPELINE + "," + DEV);
    }

    @Test
    void theNextRunFindsEveryToolkitUpToDateAtTheDerivedVersion() {
        Map<String, JsonNode> third = E2ESupport.targets(session.run(2));
        assertThat(third).hasSize(3).allSatisfy((id, t) -> {
            assertThat(t.path("outcome").asText()).as(id).isEqualTo("SKIPPED");
            assertThat(t.path("reasonCode").asText()).as(id).isEqualTo("UP_TO_DATE");
            assertThat(t.path("reason").asText()).as(id).startsWith("up to date with the plan and the pinned template (version "
                    + pinned.templateVersion() + "): ");
        });
        assertThat(session.buildsStarted()).as("2 older-CLI builds, 3 upgrades, none in run 3").isEqualTo(5);
    }
}
