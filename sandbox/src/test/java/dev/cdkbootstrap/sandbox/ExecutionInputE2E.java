package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.workflow.RunLayout;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Manual starts cannot name another config or replay an old version (docs/contracts.md, "Execution
 * input"): LoadConfig refuses them before anything runs, the run-failed notification carries the
 * refusal's message (no stack trace), and an old version runs only with allowOldVersion, its report
 * naming both versions (the notification Summarize sends says so too: ReportInjectionTest). Simulated builds.
 */
class ExecutionInputE2E {

    @Test
    void manualStartsAreHeldToTheConfiguredKeyTheFourTriggersAndTheLatestVersion() throws Exception {
        try (var session = E2ESupport.open("execution-input", "--config", E2ESupport.sample("single-set.yml").toString(),
                "--simulated-builds", "--start-input", "{\"key\": \"other/cdk-app.yml\"}",
                "--start-input", "{\"trigger\": \"cron\"}")) {
            String key = session.session().deployment().configKey();
            assertThat(session.run(0).succeeded()).as(session.run(0).toString()).isTrue();
            int builds = session.buildsStarted();

            RunOutcome otherKey = session.run(1);
            assertRefused(session, otherKey, "execution input key: 'other/cdk-app.yml' is not allowed; allowed: only the"
                    + " configured CONFIG_KEY '" + key + "'");
            RunOutcome badTrigger = session.run(2);
            assertRefused(session, badTrigger, "execution input trigger: 'cron' is not allowed; allowed: one of s3,"
                    + " new-account, manual, schedule");

            // The same file uploaded again, its event not delivered: the first upload is now an old version.
            var s3 = session.session().sandbox().clients().s3();
            String bucket = session.session().deployment().configBucket();
            String old = s3.headObject(b -> b.bucket(bucket).key(key)).versionId();
            String latest = s3.putObject(b -> b.bucket(bucket).key(key),
                    RequestBody.fromBytes(Files.readAllBytes(E2ESupport.sample("single-set.yml")))).versionId();
            assertThat(old).isNotNull().isNotEqualTo(latest);

            RunOutcome refused = session.session().startByHand("{\"versionId\": \"" + old + "\"}");
            assertRefused(session, refused, "execution input versionId: '" + old + "' is not allowed; allowed: the latest"
                    + " version of s3://" + bucket + "/" + key + ", " + latest);

            RunOutcome claimedS3 = session.session().startByHand("{\"versionId\": \"" + old + "\", \"trigger\": \"s3\"}");
            assertThat(claimedS3.status()).isEqualTo("SUCCEEDED");
            JsonNode superseded = claimedS3.report().orElseThrow();
            assertThat(superseded.path("config").path("superseded").asBoolean()).as("claiming s3 runs nothing old").isTrue();
            assertThat(superseded.path("counts").path("planned").asInt()).isZero();
            assertThat(claimedS3.warnings()).singleElement().asString().startsWith("superseded: version " + old);

            RunOutcome allowed = session.session().startByHand("{\"versionId\": \"" + old + "\", \"allowOldVersion\": true}");
            assertThat(allowed.succeeded()).as(allowed.toString()).isTrue();
            JsonNode report = allowed.report().orElseThrow();
            assertThat(report.path("config").path("versionId").asText()).isEqualTo(old);
            assertThat(report.path("config").path("latestVersionId").asText()).isEqualTo(latest);
            assertThat(report.path("config").path("superseded").asBoolean()).isFalse();
            assertThat(E2ESupport.targets(allowed).values()).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.path("outcome").asText()).isEqualTo("SKIPPED"));
            String md = s3.getObjectAsBytes(b -> b.bucket(bucket).key(RunLayout.RUNS_ROOT + allowed.runId() + "/report.md")).asUtf8String();
            assertThat(md).contains("(version " + old + ")\n- **Old version:** run on purpose (allowOldVersion); the latest is "
                    + latest);

            assertThat(session.buildsStarted()).as("no refused, superseded or up-to-date run built").isEqualTo(builds);
        }
    }

    /** Refused by LoadConfig: no report, nothing planned, the notification and the cause carry the message alone. */
    private static void assertRefused(E2ESupport.Session session, RunOutcome outcome, String message) throws Exception {
        assertThat(outcome.status()).isEqualTo("FAILED");
        assertThat(outcome.error()).isEqualTo("dev.cdkbootstrap.workflow.error.InputRejected");
        assertThat(outcome.cause()).startsWith(message).doesNotContain("stackTrace").doesNotContain("errorType");
        assertThat(outcome.report()).isEmpty();
        assertThat(published(session, outcome)).isEqualTo("Run " + outcome.runId()
                + " failed with dev.cdkbootstrap.workflow.error.InputRejected: " + outcome.cause());
        String bucket = session.session().deployment().configBucket();
        assertThat(session.session().sandbox().clients().s3().listObjectsV2(b -> b.bucket(bucket)
                .prefix(RunLayout.RUNS_ROOT + outcome.runId() + "/")).keyCount()).as("nothing written").isZero();
    }

    /** The Message of the run's SNS publish task (the ASL's NotifyRunFailed), as Step Functions scheduled it. */
    private static String published(E2ESupport.Session session, RunOutcome outcome) throws Exception {
        List<String> messages = new ArrayList<>();
        for (HistoryEvent event : session.session().sandbox().clients().sfn()
                .getExecutionHistory(b -> b.executionArn(outcome.executionArn()).maxResults(1000)).events()) {
            if (event.taskScheduledEventDetails() != null && "sns".equals(event.taskScheduledEventDetails().resourceType())) {
                messages.add(dev.cdkbootstrap.json.Json.tolerant().readTree(event.taskScheduledEventDetails().parameters())
                        .path("Message").asText());
            }
        }
        assertThat(messages).as("one notification").hasSize(1);
        return messages.getFirst();
    }
}
