package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.error.TargetsFailed;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.Report;
import dev.cdkbootstrap.workflow.model.RunContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Summarize's publish rule for scheduled reconciliation (DriftReport): a scheduled dry run is a drift report,
 * published only when a target is not up to date (or the run failed); its report.json and report.md are
 * written and its metrics emitted either way. Every other run, a scheduled apply run included, is published.
 */
class DriftReportTest {
    private final SummarizeFixture run = new SummarizeFixture();
    private final List<String> published = run.published;
    private final List<Map<String, Integer>> metrics = run.metrics;
    private final SummarizeStep step = run.step;

    private RunContext run(String trigger, boolean dryRun) {
        return run.run(trigger, dryRun);
    }

    private void target(String account, Outcome outcome, ReasonCode code, String reason) {
        run.recorded(run.target(account), outcome, code, reason);
    }

    private void upToDate(String account) {
        target(account, Outcome.PLANNED, ReasonCode.UP_TO_DATE, "dry run: would skip: up to date");
    }

    private Report report() {
        return run.report();
    }

    private String markdown() {
        return run.markdown();
    }

    @Test
    void aScheduledDryRunOfAFleetFullyUpToDatePublishesNothingButWritesItsReportAndMetrics() throws Exception {
        upToDate("111111111111");
        upToDate("222222222222");

        step.run(run("schedule", true));

        assertThat(published).isEmpty();
        assertThat(report().drift()).isEqualTo(new Report.Drift(0, List.of(), false));
        assertThat(report().targets()).hasSize(2);
        assertThat(markdown()).contains("- Drift report (scheduled, ReconcileMode report): every target up to date;"
                + " nothing published\n").doesNotContain("## Not up to date");
        assertThat(metrics).containsExactly(Map.of("TargetsBootstrapped", 0, "TargetsSkipped", 0, "TargetsFailed", 0,
                "TargetsPlanned", 2, "TargetsNotUpToDate", 0));
    }

    @Test
    void aScheduledDryRunWithADriftedTargetPublishesOneMessageNamingExactlyIt() throws Exception {
        upToDate("111111111111");
        target("222222222222", Outcome.PLANNED, ReasonCode.SETTINGS_DIFFER,
                "dry run: would bootstrap: trust differs: deployed [333333333333] wanted [999999999999]");
        target("333333333333", Outcome.PLANNED, ReasonCode.TOOLKIT_DRIFTED, "dry run: would fail: SSM version missing");

        step.run(run("schedule", true));

        assertThat(published).singleElement().asString()
                .startsWith("CDK bootstrap SUCCEEDED (drift report: 2 not up to date): run-1\n")
                .contains("\nDrift report (scheduled, ReconcileMode report): 2 of 3 target(s) not up to date:\n"
                        + "- 222222222222/eu-west-1 SETTINGS_DIFFER: dry run: would bootstrap: trust differs: deployed"
                        + " [333333333333] wanted [999999999999]\n"
                        + "- 333333333333/eu-west-1 TOOLKIT_DRIFTED: dry run: would fail: SSM version missing")
                .doesNotContain("111111111111");
        assertThat(report().drift()).isEqualTo(new Report.Drift(2, List.of("222222222222/eu-west-1",
                "333333333333/eu-west-1"), true));
        assertThat(markdown()).contains("**2 of 3 target(s) not up to date**; published to the report topic")
                .contains("## Not up to date\n\n| Target | Code | Findings |\n|---|---|---|\n"
                        + "| 222222222222/eu-west-1 | SETTINGS_DIFFER | dry run: would bootstrap: trust differs: deployed"
                        + " \\[333333333333\\] wanted \\[999999999999\\] |\n"
                        + "| 333333333333/eu-west-1 | TOOLKIT_DRIFTED | dry run: would fail: SSM version missing |\n");
        assertThat(metrics.getFirst()).containsEntry("TargetsNotUpToDate", 2);
    }

    @Test
    void aTargetTheScheduledRunCouldNotCheckIsNotUpToDateAndFailsTheRun() throws Exception {
        upToDate("111111111111");
        target("222222222222", Outcome.FAILED, ReasonCode.ACCESS_DENIED, "TargetAccessDenied: not authorized");

        assertThatThrownBy(() -> step.run(run("schedule", true))).isInstanceOf(TargetsFailed.class);

        assertThat(published).singleElement().asString().startsWith("CDK bootstrap FAILED (drift report: 1 not up to date)")
                .contains("- 222222222222/eu-west-1 ACCESS_DENIED: TargetAccessDenied: not authorized");
        assertThat(report().drift().targets()).containsExactly("222222222222/eu-west-1");
    }

    @Test
    void aScheduledRunWhoseMapFailedIsPublishedEvenWithNothingDrifted() throws Exception {
        upToDate("111111111111");
        ObjectNode input = Json.strict().valueToTree(run("schedule", true));
        input.putObject("mapFailure").put("Error", "States.ItemReaderFailed").put("Cause", "gone");

        assertThatThrownBy(() -> step.run(Json.strict().treeToValue(input, RunContext.class)))
                .isInstanceOf(TargetsFailed.class);

        assertThat(report().drift()).isEqualTo(new Report.Drift(0, List.of(), true));
        assertThat(published).singleElement().asString().contains("The Map state failed: States.ItemReaderFailed");
    }

    @Test
    void theNotificationNamesTwentyDriftedTargetsAndPointsToReportMdForTheRest() throws Exception {
        for (int i = 0; i < DriftReport.NAMED_TARGETS + 3; i++) {
            target(String.format("%012d", 100_000_000_000L + i), Outcome.PLANNED, ReasonCode.TOOLKIT_MISSING,
                    "dry run: would bootstrap: toolkit stack CDKToolkit not found");
        }

        step.run(run("schedule", true));

        assertThat(published).singleElement().asString().contains("100000000019/eu-west-1 TOOLKIT_MISSING")
                .doesNotContain("100000000020/eu-west-1").endsWith("\n- and 3 more in report.md");
        assertThat(markdown()).contains("| 100000000022/eu-west-1 | TOOLKIT_MISSING |");
        assertThat(report().drift().notUpToDate()).isEqualTo(23);
    }

    @Test
    void aDriftedReasonCannotAddALineToTheNotification() throws Exception {
        target("222222222222", Outcome.PLANNED, ReasonCode.SETTINGS_DIFFER, "trust differs\nApproved by: security");

        step.run(run("schedule", true));

        assertThat(published.getFirst().lines()).noneMatch(line -> line.startsWith("Approved by"));
    }

    @Test
    void everyOtherRunIsPublishedAndIsNoDriftReport() throws Exception {
        upToDate("111111111111");
        for (RunContext other : List.of(run("manual", true), run("s3", true), run("schedule", false))) {
            published.clear();

            step.run(other);

            assertThat(published).as(other.trigger() + " dryRun " + other.dryRun()).hasSize(1);
            assertThat(report().drift()).isNull();
            assertThat(markdown()).doesNotContain("Drift report");
            assertThat(run.store.text(SummarizeFixture.BUCKET, "runs/run-1/report.json").orElseThrow()).contains("\"drift\" : null");
        }
        assertThat(metrics).allSatisfy(m -> assertThat(m).doesNotContainKey("TargetsNotUpToDate"));
    }
}
