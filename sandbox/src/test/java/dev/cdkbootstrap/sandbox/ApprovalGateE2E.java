package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ApprovalRequiredFor=trust-widening (docs/workflow.md, "Approval"): a run whose plan makes targets trust
 * new accounts (here: first bootstraps, and AdministratorAccess for the pipeline) waits; rejected it
 * builds nothing and fails naming the rejection, approved it bootstraps; a rerun that changes nothing
 * does not wait at all.
 */
class ApprovalGateE2E {
    private static final String CONFIG = E2ESupport.sample("single-set.yml").toString();

    private static JsonNode changes(E2ESupport.Session session, JsonNode report) throws Exception {
        String key = report.path("approval").path("changesKey").asText();
        byte[] bytes = session.session().sandbox().clients().s3()
                .getObjectAsBytes(b -> b.bucket(session.session().deployment().configBucket()).key(key)).asByteArray();
        return Json.strict().readTree(bytes);
    }

    @Test
    void aRejectedRunBuildsNothingAndFailsEveryTargetThatNeededApproval() throws Exception {
        try (var session = E2ESupport.open("approval-rejected", "--config", CONFIG, "--simulated-builds",
                "--parameter", "ApprovalRequiredFor=trust-widening", "--approval", "reject")) {
            var run = session.run(0);
            JsonNode report = run.report().orElseThrow();

            assertThat(run.succeeded()).isFalse();
            assertThat(session.buildsStarted()).isZero();
            assertThat(report.path("approval").path("outcome").asText()).isEqualTo("REJECTED");
            assertThat(report.path("approval").path("answer").asText()).startsWith("ApprovalRejected");
            assertThat(E2ESupport.targets(run).values()).allSatisfy(t -> {
                assertThat(t.path("outcome").asText()).isEqualTo("FAILED");
                assertThat(t.path("reasonCode").asText()).isEqualTo("APPROVAL_REJECTED");
            });
            List<String> why = new ArrayList<>();
            changes(session, report).path("changes").forEach(c -> why.add(c.path("account").asText() + " "
                    + c.path("approvalNeeded").asText()));
            assertThat(why).contains("111111111111 AdministratorAccess is added as an execution policy",
                    "222222222222 trust widens to 111111111111", "333333333333 trust widens to 111111111111,222222222222");
            assertThat(session.printed()).contains("waits for approval (4 target(s), trust-widening");
        }
    }

    @Test
    void anApprovedRunBootstrapsAndARerunThatChangesNothingDoesNotWait() throws Exception {
        try (var session = E2ESupport.open("approval-approved", "--config", CONFIG, "--simulated-builds",
                "--parameter", "ApprovalRequiredFor=trust-widening", "--approval", "approve", "--rerun")) {
            var first = session.run(0);
            var rerun = session.run(1);

            assertThat(first.succeeded()).isTrue();
            assertThat(first.report().orElseThrow().path("approval").path("outcome").asText()).isEqualTo("APPROVED");
            assertThat(E2ESupport.targets(first).values()).allSatisfy(t ->
                    assertThat(t.path("outcome").asText()).isEqualTo("BOOTSTRAPPED"));
            assertThat(rerun.succeeded()).isTrue();
            assertThat(rerun.report().orElseThrow().path("approval").path("outcome").asText()).isEqualTo("NOT_NEEDED");
            assertThat(E2ESupport.targets(rerun).values()).allSatisfy(t ->
                    assertThat(t.path("outcome").asText()).isEqualTo("SKIPPED"));
            assertThat(session.buildsStarted()).isEqualTo(4);
            assertThat(session.printed().split("waits for approval", -1)).as("only the first run waits").hasSize(2);
        }
    }
}
