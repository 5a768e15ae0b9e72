package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.error.TargetsFailed;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.TargetResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** report.md as Summarize writes it: a row per target, whole reasons, failed targets' logs, counts, warnings by kind. */
class ReportMarkdownTest extends TwoTargetRun {
    @Test
    void theMarkdownReportHasARowPerTargetWithItsBuildLink() throws Exception {
        recorded(a, Outcome.BOOTSTRAPPED, "stack | missing");
        recorded(b, Outcome.SKIPPED, "up to date");

        step.run(run);

        String md = store.text(BUCKET, "runs/run-1/report.md").orElseThrow();
        assertThat(md).contains("| 111111111111/eu-west-1 | BOOTSTRAPPED | TOOLKIT_MISSING | stack \\| missing | 42 s | "
                        + "[logs](https://logs) |")
                .contains("| 222222222222/eu-west-1 | SKIPPED | UP_TO_DATE | up to date | 42 s |");
    }

    @Test
    void planWarningsReachTheMarkdownReportEveryOneGroupedByKindAndTheSummaryOneLineAKindButNotTheContract() {
        recorded(a, Outcome.BOOTSTRAPPED, "toolkit stack CDKToolkit not found");
        recorded(b, Outcome.BOOTSTRAPPED, "toolkit stack CDKToolkit not found");
        List<String> warnings = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            String account = "11111111111" + i;
            warnings.add(account + "/eu-west-1: no execution policy given (set" + i + "/dev); using AdministratorAccess."
                    + " Add execution_policy_" + account + "_eu-west-1.json beside the config file");
        }
        warnings.add("cdk-app.yml (line 3, column 13): eu-wset-9 is no region the SDK knows");
        // The RunContext carries the first five; Summarize reads all eight from plan.json.
        fixture.write("runs/run-1/plan.json", new dev.cdkbootstrap.plan.Plan("mlops-cdk", null, List.of(), warnings));
        RunContext warned = new RunContext(run.runId(), run.trigger(), run.dryRun(), run.config(), run.artifactBucket(),
                run.runFolder(), run.itemsKey(), run.maxConcurrency(), run.counts(), warnings.subList(0, 5), 8, null,
                false, null);

        step.run(warned);

        assertThat(fixture.markdown()).contains("## Warnings\n\n- 7 times: no execution policy given; using"
                        + " AdministratorAccess. Add execution_policy_\\<account\\>_eu-west-1.json beside the config file\n"
                        + "  - 111111111111/eu-west-1: no execution policy given (set1/dev)")
                .contains("  - 111111111117/eu-west-1: no execution policy given (set7/dev)")
                .contains("\n- cdk-app.yml (line 3, column 13): eu-wset-9 is no region the SDK knows\n");
        assertThat(published).singleElement().asString().contains("8 warning(s):\n- warning (x7): no execution policy"
                        + " given; using AdministratorAccess. Add execution_policy_<account>_eu-west-1.json beside"
                        + " the config file — 7 targets, each in report.md\n- cdk-app.yml (line 3, column 13)");
        assertThat(store.text(BUCKET, "runs/run-1/report.json").orElseThrow()).doesNotContain("AdministratorAccess");
    }

    @Test
    void theTargetsReadAsOneTotal() {
        recorded(a, Outcome.BOOTSTRAPPED, "toolkit stack CDKToolkit not found");
        recorded(b, Outcome.SKIPPED, "up to date");

        step.run(run);

        assertThat(fixture.markdown()).contains("\n- 2 targets: 1 bootstrapped, 1 up to date\n");
    }

    @Test
    void aLongReasonIsNeverCut() {
        String reason = "build FAILED in phase BUILD (" + "x".repeat(3_000) + ") fix: grant the role";
        recorded(a, Outcome.FAILED, reason);
        recorded(b, Outcome.SKIPPED, "up to date");

        assertThatThrownBy(() -> step.run(run)).isInstanceOf(TargetsFailed.class);

        assertThat(fixture.markdown()).contains("| " + reason + " |").contains("BUILD_FAILED: " + reason + ". Build log:");
        assertThat(report().targets().get(0).reason()).isEqualTo(reason);
    }

    @Test
    void eachFailedTargetSaysWhereItsBuildLogIs() {
        Target c = fixture.target("333333333333");
        Target d = fixture.target("444444444444");
        RunContext four = fixture.run();
        fixture.result(new TargetResult(a.account(), a.region(), Outcome.FAILED, ReasonCode.BUILD_FAILED, "build FAILED",
                "p:1", "https://console.aws.amazon.com/logs?group=g", null, null, 5L, null), false);
        fixture.result(new TargetResult(b.account(), b.region(), Outcome.FAILED, ReasonCode.BUILD_FAILED, "build FAILED",
                "p:2", "file:///work/target/sandbox/builds/p-2.log", null, null, 5L, null), false);
        fixture.result(new TargetResult(c.account(), c.region(), Outcome.FAILED, ReasonCode.BUILD_TIMED_OUT, "timed out",
                "p:3", null, null, null, 5L, null), false);
        fixture.result(new TargetResult(d.account(), d.region(), Outcome.FAILED, ReasonCode.ACCESS_DENIED, "denied",
                null, null, null, null, 1L, null), false);

        assertThatThrownBy(() -> step.run(four)).isInstanceOf(TargetsFailed.class);

        assertThat(fixture.markdown()).contains("\n## Failed targets\n\n"
                + "- **111111111111/eu-west-1** BUILD_FAILED: build FAILED. Build log: [p:1](https://console.aws.amazon.com/logs?group=g)\n"
                + "- **222222222222/eu-west-1** BUILD_FAILED: build FAILED. Build log: file:///work/target/sandbox/builds/p-2.log\n"
                + "- **333333333333/eu-west-1** BUILD_TIMED_OUT: timed out. Build log: p:3 (CodeBuild build id; its log is in"
                + " the project's log group)\n"
                + "- **444444444444/eu-west-1** ACCESS_DENIED: denied. No build ran.\n")
                .contains("| p:2 (log: file:///work/target/sandbox/builds/p-2.log) |");
        assertThat(report().targets().get(1).logsUrl()).isEqualTo("file:///work/target/sandbox/builds/p-2.log");
    }
}
