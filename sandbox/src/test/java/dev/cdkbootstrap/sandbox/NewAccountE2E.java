package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After the first run, an Organizations CreateAccountResult and a Control Tower CreateManagedAccount
 * event for an account of the config start exactly one more run, filtered to that account.
 */
class NewAccountE2E {

    @Test
    void bothNewAccountEventsStartExactlyOneRunFilteredToTheAccount() throws Exception {
        String account = "555555555555";
        try (var session = E2ESupport.open("new-account", "--config", E2ESupport.sample("two-sets-cross-region.yml").toString(),
                "--then-new-account", account)) {
            assertThat(session.outcomes()).hasSize(2);
            var extra = session.run(1);
            assertThat(extra.runId()).startsWith("new-account-" + account + "-");
            JsonNode report = extra.report().orElseThrow();
            assertThat(report.path("trigger").asText()).isEqualTo("new-account");
            Map<String, JsonNode> targets = E2ESupport.targets(extra);
            assertThat(targets).isNotEmpty();
            assertThat(targets.keySet()).allSatisfy(id -> assertThat(id).startsWith(account + "/"));
            assertThat(session.printed()).contains("CreateAccountResult").contains("CreateManagedAccount");
        }
    }
}
