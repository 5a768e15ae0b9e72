package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.error.TargetsFailed;
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

/** Summarize: the report.json of a run, its status and counts, the notification and metrics, reading the results. */
class SummarizeStepTest extends TwoTargetRun {
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
    void aSummaryIsPublishedAndEveryCountIsAMetric() throws Exception {
        recorded(a, Outcome.SKIPPED, "up to date");
        recorded(b, Outcome.SKIPPED, "up to date");

        step.run(run);

        assertThat(published).singleElement().asString().startsWith("CDK bootstrap SUCCEEDED: run-1")
                .contains("SUCCEEDED: 2 targets: 2 up to date.");
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
                    "buildId", "logsUrl", "durationSeconds", "reasonCode", "observed");
        }
        assertThat(json.path("targets").get(0).path("buildId").isNull()).isTrue();
        assertThat(json.path("targets").get(0).path("logsUrl").isNull()).isTrue();
        assertThat(json.path("targets").get(1).path("logsUrl").asText()).isEqualTo("https://logs");
        assertThat(json.path("targets").get(0).path("durationSeconds").isNull()).isTrue();
        assertThat(json.path("targets").get(0).path("observed").isNull()).isTrue();
        assertThat(json.path("targets").get(1).path("reasonCode").asText()).isEqualTo("TOOLKIT_MISSING");
        assertThat(json.path("targets").get(1).path("observed").fieldNames()).toIterable().containsExactly(
                "stackStatus", "version", "ssmVersion", "variant", "qualifier", "trust", "trustForLookup",
                "executionPolicies", "permissionsBoundary", "permissionsBoundaryAllRoles", "terminationProtection", "tags",
                "kmsKey", "publicAccessBlock", "leftovers");
    }
}
