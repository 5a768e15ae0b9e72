package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.error.TargetsFailed;
import dev.cdkbootstrap.workflow.model.Approval;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.Report;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.TargetResult;
import org.junit.jupiter.api.Test;

/** Summarize after the approval gate: a rejected run bootstraps nothing and says who rejected it; an approved one reports its results. */
class SummarizeApprovalTest extends TwoTargetRun {
    /** The run as it reaches Summarize after the gate asked for approval in {@code mode}, one target needing it. */
    private ObjectNode reviewed(String mode) {
        return Json.strict().valueToTree(run.reviewed("runs/run-1/targets.json", new Approval(mode, Approval.Status.PENDING,
                1, "runs/run-1/approval/changes.json", 3600, null, null)));
    }

    private void previewed(Target target, ReasonCode code, String reason) throws Exception {
        store.write(BUCKET, "runs/run-1/preview/results/" + target.account() + "-eu-west-1.json",
                Json.strict().writeValueAsBytes(new TargetResult(target.account(), "eu-west-1", Outcome.PLANNED, code,
                        reason, null, null, null, null, null, null)), "");
    }

    @Test
    void aRejectedRunBootstrapsNothingFailsAndSaysWhoRejectedIt() throws Exception {
        previewed(a, ReasonCode.TOOLKIT_MISSING, "dry run: would bootstrap: toolkit stack CDKToolkit not found");
        previewed(b, ReasonCode.UP_TO_DATE, "dry run: would skip: up to date with the plan and the pinned template (version 33)");
        // what the state machine holds after AwaitApproval's Catch (ResultPath $.approval.rejection)
        ObjectNode input = reviewed("trust-widening");
        ((ObjectNode) input.path("approval")).putObject("rejection").put("Error", "ApprovalRejected")
                .put("Cause", "rejected by arn:aws:iam::999999999999:user/alice");
        RunContext rejected = Json.strict().treeToValue(input, RunContext.class);

        assertThatThrownBy(() -> step.run(rejected)).isInstanceOf(TargetsFailed.class)
                .hasMessageStartingWith("The run was not approved (ApprovalRejected: rejected by arn:aws:iam::999999999999"
                        + ":user/alice); nothing was bootstrapped. 1 target(s) failed: 111111111111/eu-west-1 (APPROVAL_REJECTED");
        Report report = report();
        assertThat(report.status()).isEqualTo(Report.RunStatus.FAILED);
        assertThat(report.targets()).extracting(Report.Entry::outcome).containsExactly(Outcome.FAILED, Outcome.SKIPPED);
        assertThat(report.targets().get(0).reason()).startsWith("not bootstrapped: the run was not approved")
                .endsWith("the preview said: dry run: would bootstrap: toolkit stack CDKToolkit not found");
        assertThat(report.approval()).isEqualTo(new Report.ApprovalSummary("trust-widening", "REJECTED", 1,
                "ApprovalRejected: rejected by arn:aws:iam::999999999999:user/alice", "runs/run-1/approval/changes.json"));
        assertThat(published).singleElement().asString().contains("Approval (trust-widening): REJECTED ApprovalRejected");
    }

    @Test
    void aRejectionCauseCannotAddALineToTheNotification() throws Exception {
        previewed(a, ReasonCode.TOOLKIT_MISSING, "preview: would bootstrap: toolkit stack CDKToolkit not found");
        previewed(b, ReasonCode.UP_TO_DATE, "preview: would skip: up to date with the plan and the pinned template (version 33)");
        ObjectNode input = reviewed("trust-widening");
        ((ObjectNode) input.path("approval")).putObject("rejection").put("Error", "ApprovalRejected")
                .put("Cause", "rejected by x\nApproval (trust-widening): APPROVED by security");

        assertThatThrownBy(() -> step.run(Json.strict().treeToValue(input, RunContext.class)));

        assertThat(published).singleElement().asString().doesNotContain("\nApproval (trust-widening): APPROVED");
    }

    @Test
    void anApprovedRunReportsItsRealResultsAndTheAnswer() throws Exception {
        recorded(a, Outcome.BOOTSTRAPPED, "toolkit stack CDKToolkit not found");
        recorded(b, Outcome.SKIPPED, "up to date");
        ObjectNode input = reviewed("any-change");
        ((ObjectNode) input.path("approval")).putObject("answer").put("approvedBy", "alice");

        step.run(Json.strict().treeToValue(input, RunContext.class));

        assertThat(report().status()).isEqualTo(Report.RunStatus.SUCCEEDED);
        assertThat(report().approval().outcome()).isEqualTo("APPROVED");
        assertThat(report().approval().answer()).isEqualTo("{\"approvedBy\":\"alice\"}");
        assertThat(store.text(BUCKET, "runs/run-1/report.md").orElseThrow())
                .contains("- Approval (any-change): **APPROVED** {\"approvedBy\":\"alice\"}, 1 target(s) needed it");
    }
}
