package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.error.TargetsFailed;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.ConfigLocation;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.StepError;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Free text from the execution input, the config, AWS errors and builds cannot add a line (a fake
 * "Approved by"), a table cell or a heading to report.md or the notification, and no stack trace
 * reaches either (nor report.json).
 */
class ReportInjectionTest {
    private static final String BUCKET = "config-bucket";
    private static final String INJECTED = "\nApproved by: attacker | forged cell";
    private static final String LAMBDA_ERROR = "{\"errorMessage\":\"denied" + INJECTED.replace("\n", "\\n")
            + "\",\"errorType\":\"dev.cdkbootstrap.workflow.error.TargetAccessDenied\",\"stackTrace\":"
            + "[\"dev.cdkbootstrap.aws.StsTargetConnector.connect(StsTargetConnector.java:61)\"]}";
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final List<String> published = new ArrayList<>();
    private final SummarizeStep step = new SummarizeStep(store,
            Optional.of((subject, message) -> published.add(subject + "\n" + message)), (runId, counts) -> { });
    private final Target a = Fixtures.target("111111111111", "eu-west-1", List.of(), List.of());
    private final Target b = Fixtures.target("222222222222", "eu-west-1", List.of(), List.of());

    private void result(Target target, Outcome outcome, String reason, String buildId, String logsUrl) throws Exception {
        store.write(BUCKET, RunLayout.result("runs/run-1/", target.account(), target.region()), Json.strict()
                .writeValueAsBytes(new TargetResult(target.account(), target.region(), outcome, ReasonCode.BUILD_FAILED,
                        reason, buildId, logsUrl, null, null, 3L, null)), "application/json");
    }

    private RunContext run(String trigger, ConfigLocation config, List<String> warnings, StepError mapFailure)
            throws Exception {
        store.write(BUCKET, "runs/run-1/targets.json", Json.strict().writeValueAsBytes(
                List.of(new TargetItem(a, Map.of()), new TargetItem(b, Map.of()))), "application/json");
        return new RunContext("run-1", trigger, false, config, BUCKET, "runs/run-1/", "runs/run-1/targets.json", 10,
                new RunContext.PlannedCount(2), warnings, warnings.size(), mapFailure, false, null);
    }

    @Test
    void injectedTextStaysInsideItsValueInReportMdAndTheNotification() throws Exception {
        String reason = RecordResultStep.errorReason(new StepError("dev.cdkbootstrap.workflow.error.TargetAccessDenied",
                LAMBDA_ERROR));
        result(a, Outcome.FAILED, reason, null, null);
        result(b, Outcome.FAILED, "build FAILED in phase BUILD" + INJECTED, "build|1" + INJECTED,
                "https://logs/(x)" + INJECTED);
        RunContext run = run("manual" + INJECTED, new ConfigLocation(BUCKET, "cdk-app.yml", "v1" + INJECTED,
                "v2\r\n# Approved by: attacker", false), List.of("warning" + INJECTED, "# Approved by: attacker"),
                new StepError("States.ItemReaderFailed", LAMBDA_ERROR));

        assertThatThrownBy(() -> step.run(run)).isInstanceOf(TargetsFailed.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("StsTargetConnector.java"));

        String md = store.text(BUCKET, "runs/run-1/report.md").orElseThrow();
        assertThat(md.lines()).noneMatch(line -> line.startsWith("Approved") || line.startsWith("# Approved"));
        assertThat(md.lines().filter(line -> line.startsWith("#")))
                .containsExactly("# CDK bootstrap run run-1", "## Failed targets", "## Warnings");
        List<String> rows = md.lines().filter(line -> line.startsWith("| 1") || line.startsWith("| 2")).toList();
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(cells(row)).as(row).isEqualTo(6));
        assertThat(md).contains("\\| forged cell").doesNotContain("StsTargetConnector.java")
                .contains("[logs](https://logs/%28x%29%0AApproved%20by:%20attacker%20%7C%20forged%20cell)");
        assertThat(md).contains("- **Old version:** run on purpose (allowOldVersion); the latest is v2  # Approved by: attacker\n");

        String message = published.getFirst();
        assertThat(message.lines()).noneMatch(line -> line.startsWith("Approved") || line.startsWith("# Approved"));
        assertThat(message).doesNotContain("StsTargetConnector.java")
                .contains("Run run-1 (manual Approved by: attacker | forged cell) FAILED")
                .contains("The Map state failed: States.ItemReaderFailed: denied Approved by: attacker | forged cell")
                .contains("- warning Approved by: attacker | forged cell");
        assertThat(store.text(BUCKET, "runs/run-1/report.json").orElseThrow()).doesNotContain("StsTargetConnector.java")
                .contains("\"TargetAccessDenied: denied\\nApproved by: attacker | forged cell\"");
    }

    @Test
    void anOldVersionRunOnPurposeNamesBothVersionsInEveryReport() throws Exception {
        result(a, Outcome.SKIPPED, "up to date", null, null);
        result(b, Outcome.SKIPPED, "up to date", null, null);

        step.run(run("manual", new ConfigLocation(BUCKET, "cdk-app.yml", "v1", "v2", false), List.of(), null));

        assertThat(store.text(BUCKET, "runs/run-1/report.md").orElseThrow())
                .contains("- Config: s3://config-bucket/cdk-app.yml (version v1)\n- **Old version:** run on purpose"
                        + " (allowOldVersion); the latest is v2\n");
        assertThat(published.getFirst()).contains("\nOld version, run on purpose (allowOldVersion): version v1 of"
                + " s3://config-bucket/cdk-app.yml; the latest is v2");
        var config = Json.strict().readTree(store.text(BUCKET, "runs/run-1/report.json").orElseThrow()).path("config");
        assertThat(config.path("versionId").asText()).isEqualTo("v1");
        assertThat(config.path("latestVersionId").asText()).isEqualTo("v2");
        assertThat(config.path("superseded").asBoolean()).isFalse();
    }

    @Test
    void aSupersededRunSaysSoInEveryReport() throws Exception {
        store.write(BUCKET, "runs/run-1/targets.json", "[]".getBytes(), "application/json");
        RunContext run = new RunContext("run-1", "s3", false, new ConfigLocation(BUCKET, "cdk-app.yml", "v1", "v2", true),
                BUCKET, "runs/run-1/", "runs/run-1/targets.json", 10, new RunContext.PlannedCount(0), List.of(), 0, null, false, null);

        step.run(run);

        assertThat(store.text(BUCKET, "runs/run-1/report.md").orElseThrow())
                .contains("- **Superseded:** that version was no longer the latest (v2); nothing was run");
        assertThat(published.getFirst()).contains("SUCCEEDED: 0 targets.")
                .contains("\nSuperseded: version v1 of s3://config-bucket/cdk-app.yml was no longer the latest (v2)");
        assertThat(Json.strict().readTree(store.text(BUCKET, "runs/run-1/report.json").orElseThrow())
                .path("config").path("superseded").asBoolean()).isTrue();
    }

    /** Cell separators: the pipes that no backslash escapes, less the row's opening one. */
    private static int cells(String row) {
        int pipes = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '\\') {
                i++;
            } else if (row.charAt(i) == '|') {
                pipes++;
            }
        }
        return pipes - 1;
    }
}
