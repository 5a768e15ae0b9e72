package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.error.TargetsFailed;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.Approval;
import dev.cdkbootstrap.workflow.model.ConfigLocation;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.Report;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.RunSummary;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetResult;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SummarizeStepTest {
    private static final String BUCKET = "config-bucket";
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final List<String> published = new ArrayList<>();
    private final List<Map<String, Integer>> metrics = new ArrayList<>();
    private final SummarizeStep step = new SummarizeStep(store,
            Optional.of((subject, message) -> published.add(subject + "\n" + message)),
            (runId, counts) -> metrics.add(counts));
    private final Target a = Fixtures.target("111111111111", "eu-west-1", List.of(), List.of());
    private final Target b = Fixtures.target("222222222222", "eu-west-1", List.of(), List.of());
    private final RunContext run = new RunContext("run-1", "manual", false,
            new ConfigLocation(BUCKET, "cdk-app.yml", null), BUCKET, "runs/run-1/", "runs/run-1/targets.json", 10,
            new RunContext.PlannedCount(2), List.of(), 0, null, false, null);

    SummarizeStepTest() throws Exception {
        store.write(BUCKET, "runs/run-1/targets.json",
                Json.strict().writeValueAsBytes(List.of(new TargetItem(a, Map.of()), new TargetItem(b, Map.of()))), "");
    }

    private void recorded(Target target, Outcome outcome, String reason) throws Exception {
        ReasonCode code = switch (outcome) {
            case BOOTSTRAPPED, PLANNED -> ReasonCode.TOOLKIT_MISSING;
            case SKIPPED -> ReasonCode.UP_TO_DATE;
            case FAILED -> ReasonCode.BUILD_FAILED;
        };
        var result = new TargetResult(target.account(), target.region(), outcome, code, reason, "p:1", "https://logs",
                null, null, 42L, outcome == Outcome.FAILED ? null : Fixtures.devUpToDate());
        store.write(BUCKET, RunLayout.result("runs/run-1/", target.account(), target.region()),
                Json.strict().writeValueAsBytes(result), "");
    }

    private Report report() throws Exception {
        return Json.strict().readValue(store.text(BUCKET, "runs/run-1/report.json").orElseThrow(), Report.class);
    }

    @Test
    void aRunWhereNoTargetFailedSucceedsWithItsCounts() throws Exception {
        recorded(a, Outcome.BOOTSTRAPPED, "toolkit stack CDKToolkit not found");
        recorded(b, Outcome.SKIPPED, "up to date");

        RunSummary summary = step.run(run);

        assertThat(summary.status()).isEqualTo(Report.RunStatus.SUCCEEDED);
        assertThat(summary.counts()).isEqualTo(new Report.Counts(1, 1, 0, 2));
        assertThat(summary.reportKey()).isEqualTo("runs/run-1/report.json");
        assertThat(report().targets()).extracting(Report.Entry::outcome)
                .containsExactly(Outcome.BOOTSTRAPPED, Outcome.SKIPPED);
    }

    @Test
    void aPlannedTargetWithoutResultIsFailedAndTheRunFailsNamingIt() throws Exception {
        recorded(a, Outcome.BOOTSTRAPPED, "done");

        assertThatThrownBy(() -> step.run(run)).isInstanceOf(TargetsFailed.class)
                .hasMessageContaining("1 target(s) failed: 222222222222/eu-west-1 (NO_RESULT: no result recorded)");
        assertThat(report().status()).isEqualTo(Report.RunStatus.FAILED);
        assertThat(report().counts().failed()).isEqualTo(1);
    }

    @Test
    void aMapThatFailedFailsTheRunEvenWhenEveryTargetHasAGoodResultAndSaysWhy() throws Exception {
        recorded(a, Outcome.BOOTSTRAPPED, "done");
        recorded(b, Outcome.SKIPPED, "up to date");
        // the Map's Catch (ResultPath $.mapFailure) adds Step Functions' error output to the RunContext
        String cause = "x".repeat(2_000);
        ObjectNode input = Json.strict().valueToTree(run);
        input.putObject("mapFailure").put("Error", "States.ResultWriterFailed").put("Cause", cause);
        RunContext failedMap = Json.strict().treeToValue(input, RunContext.class);

        assertThatThrownBy(() -> step.run(failedMap)).isInstanceOf(TargetsFailed.class)
                .hasMessageStartingWith("The Map state failed (States.ResultWriterFailed: xxx")
                .hasMessageContaining("...). 0 target(s) failed. Report: s3://config-bucket/runs/run-1/report.json");
        Report report = report();
        assertThat(report.status()).isEqualTo(Report.RunStatus.FAILED);
        assertThat(report.counts()).isEqualTo(new Report.Counts(1, 1, 0, 2));
        assertThat(report.mapFailure()).isEqualTo("States.ResultWriterFailed: " + cause);
        assertThat(store.text(BUCKET, "runs/run-1/report.md").orElseThrow())
                .contains("- **The Map state failed:** States.ResultWriterFailed: xxx");
        assertThat(published).singleElement().asString().startsWith("CDK bootstrap FAILED: run-1")
                .contains("The Map state failed: States.ResultWriterFailed: xxx");
    }

    @Test
    void aDryRunReportsEveryTargetAsPlannedAndSucceeds() throws Exception {
        recorded(a, Outcome.PLANNED, "dry run: would bootstrap: toolkit stack CDKToolkit not found");
        recorded(b, Outcome.PLANNED, "dry run: would skip: up to date");

        RunSummary summary = step.run(run);

        assertThat(summary.status()).isEqualTo(Report.RunStatus.SUCCEEDED);
        assertThat(summary.counts()).isEqualTo(new Report.Counts(0, 0, 0, 2));
    }

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
    void aSummaryIsPublishedAndEveryCountIsAMetric() throws Exception {
        recorded(a, Outcome.SKIPPED, "up to date");
        recorded(b, Outcome.SKIPPED, "up to date");

        step.run(run);

        assertThat(published).singleElement().asString().startsWith("CDK bootstrap SUCCEEDED: run-1")
                .contains("2 planned, 0 bootstrapped, 2 skipped, 0 failed");
        assertThat(metrics).containsExactly(Map.of("TargetsBootstrapped", 0, "TargetsSkipped", 2,
                "TargetsFailed", 0, "TargetsPlanned", 2));
    }

    @Test
    void withoutATopicNothingIsPublished() throws Exception {
        recorded(a, Outcome.SKIPPED, "x");
        recorded(b, Outcome.SKIPPED, "x");

        new SummarizeStep(store, Optional.empty(), (runId, counts) -> metrics.add(counts)).run(run);

        assertThat(published).isEmpty();
        assertThat(metrics).hasSize(1);
    }

    @Test
    void planWarningsReachTheMarkdownReportAndTheSummaryButNotTheContract() throws Exception {
        recorded(a, Outcome.BOOTSTRAPPED, "toolkit stack CDKToolkit not found");
        recorded(b, Outcome.BOOTSTRAPPED, "toolkit stack CDKToolkit not found");
        List<String> warnings = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            warnings.add("target 11111111111" + i + "/eu-west-1: no execution policy given; using AdministratorAccess");
        }
        // The RunContext carries the first five; Summarize reads all seven from plan.json.
        store.write(BUCKET, "runs/run-1/plan.json", Json.strict().writeValueAsBytes(
                new dev.cdkbootstrap.plan.Plan("mlops-cdk", null, List.of(), warnings)), "application/json");
        RunContext warned = new RunContext(run.runId(), run.trigger(), run.dryRun(), run.config(), run.artifactBucket(),
                run.runFolder(), run.itemsKey(), run.maxConcurrency(), run.counts(), warnings.subList(0, 5), 7, null,
                false, null);

        step.run(warned);

        String md = store.text(BUCKET, "runs/run-1/report.md").orElseThrow();
        assertThat(md).contains("## Warnings\n\n- target 111111111111/eu-west-1: no execution policy given")
                .contains("- target 111111111117/eu-west-1");
        assertThat(published).singleElement().asString().contains("7 warning(s):\n- target 111111111111/eu-west-1")
                .contains("- target 111111111115/eu-west-1").doesNotContain("111111111116")
                .endsWith("- and 2 more in report.md");
        assertThat(store.text(BUCKET, "runs/run-1/report.json").orElseThrow()).doesNotContain("AdministratorAccess");
    }

    @Test
    void aLargeRunIsReadInParallelKeepingTheOrderOfTheTargets() throws Exception {
        int size = RunResults.PARALLEL_READS * 20 + 3;
        List<TargetItem> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Target target = Fixtures.target(String.format("%012d", 100_000_000_000L + i), "eu-west-1", List.of(), List.of());
            items.add(new TargetItem(target, Map.of()));
            if (i % 50 != 7) { // every 50th target (from the 8th) has no result
                recorded(target, Outcome.SKIPPED, "up to date " + i);
            }
        }
        store.write(BUCKET, "runs/run-1/targets.json", Json.strict().writeValueAsBytes(items), "");

        assertThatThrownBy(() -> step.run(run)).isInstanceOf(TargetsFailed.class)
                .hasMessageStartingWith("7 target(s) failed: 100000000007/eu-west-1 (NO_RESULT: no result recorded); 100000000057/eu-west-1");

        Report report = report();
        assertThat(report.targets()).extracting(Report.Entry::account)
                .containsExactlyElementsOf(items.stream().map(item -> item.target().account()).toList());
        assertThat(report.targets().get(0).reason()).isEqualTo("up to date 0");
        assertThat(report.counts()).isEqualTo(new Report.Counts(0, size - 7, 7, size));
        assertThat(store.reads).hasSize(size + 1); // targets.json + one GET per target
    }

    @Test
    void resultReadsOverlap() throws Exception {
        recorded(a, Outcome.SKIPPED, "up to date");
        recorded(b, Outcome.SKIPPED, "up to date");
        // Each result GET waits for the other one: only concurrent reads get past the barrier.
        CyclicBarrier bothReading = new CyclicBarrier(2);
        ObjectStore overlapping = new ObjectStore() {
            @Override
            public Optional<StoredObject> read(String bucket, String key, String versionId, long maxBytes) {
                if (key.contains("/results/")) {
                    try {
                        bothReading.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new AssertionError("result reads did not overlap", e);
                    }
                }
                return store.read(bucket, key, versionId, maxBytes);
            }

            @Override
            public Optional<Head> head(String bucket, String key) {
                return store.head(bucket, key);
            }

            @Override
            public List<String> list(String bucket, String folder) {
                return store.list(bucket, folder);
            }

            @Override
            public void write(String bucket, String key, byte[] content, String contentType) {
                store.write(bucket, key, content, contentType);
            }

            @Override
            public boolean create(String bucket, String key, byte[] content, String contentType) {
                return store.create(bucket, key, content, contentType);
            }

            @Override
            public boolean replace(String bucket, String key, byte[] content, String contentType, String eTag) {
                return store.replace(bucket, key, content, contentType, eTag);
            }

            @Override
            public void delete(String bucket, String key) {
                store.delete(bucket, key);
            }
        };

        RunSummary summary = new SummarizeStep(overlapping, Optional.empty(), (runId, counts) -> {}).run(run);

        assertThat(summary.counts()).isEqualTo(new Report.Counts(0, 2, 0, 2));
    }

    @Test
    void everyReportEntryHasEveryKeyOfTheContractEvenWhenEmpty() throws Exception {
        store.write(BUCKET, RunLayout.result("runs/run-1/", a.account(), a.region()), Json.strict().writeValueAsBytes(
                new TargetResult(a.account(), a.region(), Outcome.SKIPPED, ReasonCode.UP_TO_DATE, "up to date", null, null,
                        null, null, null, null)), "");
        recorded(b, Outcome.BOOTSTRAPPED, "toolkit stack CDKToolkit not found");

        step.run(run);

        var json = Json.strict().readTree(store.text(BUCKET, "runs/run-1/report.json").orElseThrow());
        assertThat(json.fieldNames()).toIterable().containsExactly("runId", "trigger", "dryRun", "config", "status",
                "counts", "mapFailure", "approval", "drift", "targets");
        assertThat(json.path("mapFailure").isNull()).isTrue();
        assertThat(json.path("approval").isNull()).isTrue();
        assertThat(json.path("drift").isNull()).isTrue();
        assertThat(json.path("config").fieldNames()).toIterable().containsExactly("bucket", "key", "versionId",
                "latestVersionId", "superseded");
        assertThat(json.path("config").path("versionId").isNull()).isTrue();
        for (var target : json.path("targets")) {
            assertThat(target.fieldNames()).toIterable().containsExactly("account", "region", "outcome", "reason",
                    "buildId", "durationSeconds", "reasonCode", "observed");
        }
        assertThat(json.path("targets").get(0).path("buildId").isNull()).isTrue();
        assertThat(json.path("targets").get(0).path("durationSeconds").isNull()).isTrue();
        assertThat(json.path("targets").get(0).path("observed").isNull()).isTrue();
        assertThat(json.path("targets").get(1).path("reasonCode").asText()).isEqualTo("TOOLKIT_MISSING");
        assertThat(json.path("targets").get(1).path("observed").fieldNames()).toIterable().containsExactly(
                "stackStatus", "version", "ssmVersion", "variant", "qualifier", "trust", "trustForLookup",
                "executionPolicies", "permissionsBoundary", "permissionsBoundaryAllRoles", "terminationProtection", "tags",
                "kmsKey", "publicAccessBlock", "leftovers");
    }

    private void previewed(Target target, ReasonCode code, String reason) throws Exception {
        store.write(BUCKET, "runs/run-1/preview/results/" + target.account() + "-eu-west-1.json",
                Json.strict().writeValueAsBytes(new TargetResult(target.account(), "eu-west-1", Outcome.PLANNED, code,
                        reason, null, null, null, null, null, null)), "");
    }

    @Test
    void aRejectedRunBootstrapsNothingFailsAndSaysWhoRejectedIt() throws Exception {
        previewed(a, ReasonCode.TOOLKIT_MISSING, "dry run: would bootstrap: toolkit stack CDKToolkit not found");
        previewed(b, ReasonCode.UP_TO_DATE, "dry run: would skip: up to date (version 33)");
        // what the state machine holds after AwaitApproval's Catch (ResultPath $.approval.rejection)
        ObjectNode input = Json.strict().valueToTree(run.reviewed("runs/run-1/targets.json", new Approval(
                "trust-widening", Approval.Status.PENDING, 1, "runs/run-1/approval/changes.json", 3600, null, null)));
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
        previewed(b, ReasonCode.UP_TO_DATE, "preview: would skip: up to date (version 33)");
        ObjectNode input = Json.strict().valueToTree(run.reviewed("runs/run-1/targets.json", new Approval(
                "trust-widening", Approval.Status.PENDING, 1, "runs/run-1/approval/changes.json", 3600, null, null)));
        ((ObjectNode) input.path("approval")).putObject("rejection").put("Error", "ApprovalRejected")
                .put("Cause", "rejected by x\nApproval (trust-widening): APPROVED by security");

        assertThatThrownBy(() -> step.run(Json.strict().treeToValue(input, RunContext.class)));

        assertThat(published).singleElement().asString().doesNotContain("\nApproval (trust-widening): APPROVED");
    }

    @Test
    void anApprovedRunReportsItsRealResultsAndTheAnswer() throws Exception {
        recorded(a, Outcome.BOOTSTRAPPED, "toolkit stack CDKToolkit not found");
        recorded(b, Outcome.SKIPPED, "up to date");
        ObjectNode input = Json.strict().valueToTree(run.reviewed("runs/run-1/targets.json", new Approval(
                "any-change", Approval.Status.PENDING, 1, "runs/run-1/approval/changes.json", 3600, null, null)));
        ((ObjectNode) input.path("approval")).putObject("answer").put("approvedBy", "alice");

        step.run(Json.strict().treeToValue(input, RunContext.class));

        assertThat(report().status()).isEqualTo(Report.RunStatus.SUCCEEDED);
        assertThat(report().approval().outcome()).isEqualTo("APPROVED");
        assertThat(report().approval().answer()).isEqualTo("{\"approvedBy\":\"alice\"}");
        assertThat(store.text(BUCKET, "runs/run-1/report.md").orElseThrow())
                .contains("- Approval (any-change): **APPROVED** {\"approvedBy\":\"alice\"}, 1 target(s) needed it");
    }
}
