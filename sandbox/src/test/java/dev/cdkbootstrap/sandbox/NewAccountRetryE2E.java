package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.sandbox.run.RunOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Control Tower case: the account's target role is not there yet when the Organizations event
 * starts its run (which fails); Control Tower enrols the account (the StackSet gives it the role) and
 * its event starts a new run, which bootstraps it. At most one run per account and config version
 * succeeds: events after that start nothing (and both events of an account whose run is going start
 * one run between them).
 */
class NewAccountRetryE2E {
    private static final String ACCOUNT = "555555555555";

    @Test
    void aNewAccountEventAfterAFailedRunStartsANewRunAndNoneAfterASuccess() throws Exception {
        try (var session = E2ESupport.open("new-account-retry",
                "--config", E2ESupport.sample("two-sets-cross-region.yml").toString(),
                "--without-role", ACCOUNT, "--then-new-account", ACCOUNT, "--simulated-builds")) {
            List<RunOutcome> runs = session.outcomes();
            assertThat(runs).hasSize(3);
            RunOutcome organizations = runs.get(1);
            RunOutcome controlTower = runs.get(2);
            assertThat(organizations.runId()).matches("new-account-" + ACCOUNT + "-[0-9a-f]{12}");
            assertThat(organizations.status()).isEqualTo("FAILED");
            assertThat(E2ESupport.targets(organizations).values())
                    .allSatisfy(t -> assertThat(t.path("reasonCode").asText()).isEqualTo("ACCESS_DENIED"));
            assertThat(controlTower.runId()).isEqualTo(organizations.runId() + "-2");
            assertThat(controlTower.status()).isEqualTo("SUCCEEDED");
            Map<String, com.fasterxml.jackson.databind.JsonNode> bootstrapped = E2ESupport.targets(controlTower);
            assertThat(bootstrapped).isNotEmpty();
            assertThat(bootstrapped.keySet()).allSatisfy(id -> assertThat(id).startsWith(ACCOUNT + "/"));
            assertThat(bootstrapped.values()).allSatisfy(t -> assertThat(t.path("outcome").asText()).isEqualTo("BOOTSTRAPPED"));
            assertThat(session.printed()).contains("Control Tower enrolled " + ACCOUNT)
                    .contains("CreateAccountResult").contains("CreateManagedAccount");
            assertThat(controlTower.report().orElseThrow().path("trigger").asText()).isEqualTo("new-account");

            // the same events again (a redelivery, an UpdateManagedAccount later): the account's run succeeded
            List<RunOutcome> again = session.session().newAccount(ACCOUNT);

            assertThat(again).isEmpty();
            assertThat(session.printed()).contains("ALREADY_STARTED execution new-account-" + ACCOUNT)
                    .contains("is SUCCEEDED");
        }
    }
}
