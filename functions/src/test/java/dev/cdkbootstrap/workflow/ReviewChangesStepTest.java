package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.ExecutionPolicy;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.Approval;
import dev.cdkbootstrap.workflow.model.ConfigLocation;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.TargetChange;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewChangesStepTest {
    private static final String BUCKET = "config-bucket";
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final ReviewChangesStep step = new ReviewChangesStep(store, 33, Duration.ofHours(2));
    private final Target fresh = Fixtures.target("111111111111", "eu-west-1", List.of(PIPELINE), List.of(
            new ExecutionPolicy(ADMIN, ExecutionPolicy.Origin.DEFAULT, null)));
    private final Target widened = Fixtures.target("222222222222", "eu-west-1", List.of(PIPELINE, "444444444444"),
            List.of());
    private final Target narrowed = Fixtures.target("333333333333", "eu-west-1", List.of(PIPELINE), List.of());
    private final Target broken = Fixtures.target("555555555555", "eu-west-1", List.of(PIPELINE), List.of());

    private RunContext preview(String mode) throws Exception {
        store.write(BUCKET, "runs/run-1/targets.json", Json.strict().writeValueAsBytes(List.of(new TargetItem(fresh,
                Map.of()), new TargetItem(widened, Map.of()), new TargetItem(narrowed, Map.of()),
                new TargetItem(broken, Map.of()))), "");
        previewed(fresh, ReasonCode.TOOLKIT_MISSING, ObservedToolkit.noStack());
        previewed(widened, ReasonCode.SETTINGS_DIFFER, Fixtures.observed("UPDATE_COMPLETE", List.of(PIPELINE), List.of(), 33));
        previewed(narrowed, ReasonCode.SETTINGS_DIFFER, Fixtures.observed("UPDATE_COMPLETE",
                List.of(PIPELINE, "666666666666"), List.of(), 30));
        store.write(BUCKET, "runs/run-1/preview/results/555555555555-eu-west-1.json", Json.strict().writeValueAsBytes(
                new TargetResult("555555555555", "eu-west-1", Outcome.FAILED, ReasonCode.ACCESS_DENIED, "denied", null,
                        null, null, null, null, null)), "");
        return new RunContext("run-1", "manual", false, new ConfigLocation(BUCKET, "cdk-app.yml", null), BUCKET,
                "runs/run-1/", "runs/run-1/targets.json", 10, new RunContext.PlannedCount(4), List.of(), 0, null, true,
                Approval.preview(mode));
    }

    private void previewed(Target target, ReasonCode code, ObservedToolkit observed) throws Exception {
        store.write(BUCKET, "runs/run-1/preview/results/" + target.account() + "-eu-west-1.json",
                Json.strict().writeValueAsBytes(new TargetResult(target.account(), "eu-west-1", Outcome.PLANNED, code,
                        "dry run: would bootstrap: ...", null, null, null, null, null, observed)), "");
    }

    private List<TargetChange> changes() throws Exception {
        return Json.strict().readValue(store.text(BUCKET, "runs/run-1/approval/changes.json").orElseThrow(),
                ReviewChangesStep.Changes.class).changes();
    }

    @Test
    void trustWideningWaitsForNewTrustAndAdministratorAccessButNotForANarrowingBuild() throws Exception {
        RunContext reviewed = step.run(preview("trust-widening"));

        assertThat(reviewed.preview()).isFalse();
        assertThat(reviewed.approval().status()).isEqualTo(Approval.Status.PENDING);
        assertThat(reviewed.approval().needed()).isEqualTo(2);
        assertThat(reviewed.approval().timeoutSeconds()).isEqualTo(7200);
        assertThat(reviewed.itemsKey()).isEqualTo("runs/run-1/approval/targets.json");
        List<TargetChange> changes = changes();
        assertThat(changes).extracting(TargetChange::account).containsExactly("111111111111", "222222222222",
                "333333333333");
        assertThat(changes.get(0).approvalNeeded()).isEqualTo("trust widens to 999999999999");
        assertThat(changes.get(0).policiesAdded()).containsExactly(ADMIN);
        assertThat(changes.get(1).trustAdded()).containsExactly("444444444444");
        assertThat(changes.get(2).trustRemoved()).containsExactly("666666666666");
        assertThat(changes.get(2).versionFrom()).isEqualTo(30);
        assertThat(changes.get(2).approvalNeeded()).isNull();
        assertThat(store.text(BUCKET, "runs/run-1/approval/changes.md").orElseThrow())
                .contains("| 222222222222/eu-west-1 | SETTINGS_DIFFER | 444444444444 | - |");
    }

    @Test
    void aTargetThePreviewFailedIsRefusedInTheReviewedItemsSoItIsNeverBuiltUnreviewed() throws Exception {
        step.run(preview("any-change"));

        List<TargetItem> items = Json.strict().readValue(store.text(BUCKET, "runs/run-1/approval/targets.json")
                .orElseThrow(), new com.fasterxml.jackson.core.type.TypeReference<List<TargetItem>>() {});
        assertThat(items).hasSize(4);
        assertThat(items.get(3).refusal().code()).isEqualTo(ReasonCode.ACCESS_DENIED);
        assertThat(items.get(3).refusal().reason()).isEqualTo("not reviewed for approval: the preview failed it: denied; start a new run");
        assertThat(items.subList(0, 3)).allSatisfy(i -> assertThat(i.refusal()).isNull());
        assertThat(changes()).allSatisfy(c -> assertThat(c.approvalNeeded()).startsWith("a build"));
    }

    @Test
    void nothingToApproveGoesStraightOn() throws Exception {
        RunContext run = preview("trust-widening");
        previewed(fresh, ReasonCode.UP_TO_DATE, Fixtures.observed("UPDATE_COMPLETE", List.of(PIPELINE), List.of(ADMIN), 33));
        previewed(widened, ReasonCode.UP_TO_DATE, Fixtures.observed("UPDATE_COMPLETE", List.of(PIPELINE), List.of(), 33));

        RunContext reviewed = step.run(run);

        assertThat(reviewed.approval().status()).isEqualTo(Approval.Status.NOT_NEEDED);
        assertThat(changes()).extracting(TargetChange::account).containsExactly("333333333333");
    }

    @Test
    void aTargetThePreviewFoundBusyIsRefusedSoItCannotBuildUnreviewedAfterItsWait() throws Exception {
        RunContext run = preview("trust-widening");
        previewed(widened, ReasonCode.TOOLKIT_BUSY, Fixtures.observed("UPDATE_IN_PROGRESS", List.of(PIPELINE), List.of(), 33));

        step.run(run);

        List<TargetItem> items = Json.strict().readValue(store.text(BUCKET, "runs/run-1/approval/targets.json")
                .orElseThrow(), new com.fasterxml.jackson.core.type.TypeReference<List<TargetItem>>() {});
        assertThat(items.get(1).refusal().code()).isEqualTo(ReasonCode.TOOLKIT_BUSY);
        assertThat(items.get(1).refusal().reason()).startsWith("not reviewed for approval: the preview could not decide it");
        assertThat(changes()).extracting(TargetChange::account).doesNotContain("222222222222");
    }

    @Test
    void underTrustWideningAChangedPolicyDocumentNeedsApprovalToo() {
        var preview = new TargetResult("333333333333", "eu-west-1", Outcome.PLANNED, ReasonCode.UP_TO_DATE,
                "preview: would skip: up to date with the plan and the pinned template (version 33); would update execution policy mlops-cdk-exec-eu-west-1",
                null, null, null, null, null, Fixtures.observed("UPDATE_COMPLETE", List.of(PIPELINE), List.of(), 33));

        assertThat(ChangeReview.review(narrowed, preview, 33, "trust-widening")).get()
                .satisfies(c -> assertThat(c.approvalNeeded()).startsWith("an execution policy document is created or changed"))
                .satisfies(c -> assertThat(c.trustAdded()).isEmpty());
    }
}
