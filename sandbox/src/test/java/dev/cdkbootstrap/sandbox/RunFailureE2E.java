package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.sandbox.run.SandboxRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * A run that fails for a reason other than an invalid config (here: an execution input LoadConfig
 * rejects) still tells the report topic and fails with the original error, instead of vanishing.
 */
class RunFailureE2E {

    @Test
    void aRunThatFailsBeforeItsReportNotifiesTheTopicAndKeepsItsError() throws Exception {
        // A dry run of the invalid sample is the quickest way to a deployed sandbox.
        try (var session = E2ESupport.open("run-failure", "--config", E2ESupport.resource("invalid/cdk-app.yml").toString(),
                "--dry-run")) {
            SandboxRunner runner = new SandboxRunner(session.session().sandbox(), session.session().deployment(), System.out);

            RunOutcome failed = runner.startByHand("{\"colour\": \"blue\"}");

            assertThat(failed.status()).isEqualTo("FAILED");
            assertThat(failed.error()).isEqualTo("dev.cdkbootstrap.workflow.error.InputRejected");
            assertThat(failed.cause()).as("the message, not the Lambda error's JSON")
                    .startsWith("execution input colour: no such field; the fields are")
                    .doesNotContain("stackTrace").doesNotContain("errorType");
            assertThat(failed.report()).as("nothing was planned, so nothing was reported").isEmpty();
            assertThat(statesEntered(session, failed)).containsSubsequence("LoadConfig", "ExplainRunFailed",
                    "NotifyRunFailed", "RunFailed");
            assertThat(history(session, failed)).as("the SNS publish succeeded")
                    .anySatisfy(e -> {
                        assertThat(e.type()).isEqualTo(HistoryEventType.TASK_SUCCEEDED);
                        assertThat(e.taskSucceededEventDetails().resourceType()).isEqualTo("sns");
                    });
            assertThat(session.buildsStarted()).isZero();
        }
    }

    private static List<HistoryEvent> history(E2ESupport.Session session, RunOutcome outcome) {
        return session.session().sandbox().clients().sfn()
                .getExecutionHistory(b -> b.executionArn(outcome.executionArn()).maxResults(1000)).events();
    }

    private static List<String> statesEntered(E2ESupport.Session session, RunOutcome outcome) {
        List<String> names = new ArrayList<>();
        for (HistoryEvent event : history(session, outcome)) {
            if (event.stateEnteredEventDetails() != null) {
                names.add(event.stateEnteredEventDetails().name());
            }
        }
        return names;
    }
}
