package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.ConfigLocation;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.Report;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run of {@code run-1} for Summarize's tests (TwoTargetRun: SummarizeStepTest, ReportMarkdownTest, SummarizeApprovalTest;
 * DriftReportTest): an in-memory store holding its targets.json and results, the step with a topic that
 * records what it publishes and metrics that record what they get, and readers of report.json and report.md.
 */
final class SummarizeFixture {
    static final String BUCKET = "config-bucket";
    static final String PREFIX = "runs/run-1/";

    final InMemoryObjectStore store = new InMemoryObjectStore();
    final List<String> published = new ArrayList<>();
    final List<Map<String, Integer>> metrics = new ArrayList<>();
    final SummarizeStep step = new SummarizeStep(store,
            Optional.of((subject, message) -> published.add(subject + "\n" + message)),
            (runId, counts) -> metrics.add(counts));
    private final List<Target> targets = new ArrayList<>();

    /** Adds a target in eu-west-1 to the run's targets.json. */
    Target target(String account) {
        Target target = Fixtures.target(account, "eu-west-1", List.of(), List.of());
        targets.add(target);
        write(PREFIX + "targets.json", targets.stream().map(t -> new TargetItem(t, Map.of())).toList());
        return target;
    }

    /** The run with these targets, started by {@code trigger}. */
    RunContext run(String trigger, boolean dryRun) {
        return new RunContext("run-1", trigger, dryRun, new ConfigLocation(BUCKET, "cdk-app.yml", null), BUCKET, PREFIX,
                PREFIX + "targets.json", 10, new RunContext.PlannedCount(targets.size()), List.of(), 0, null, false, null);
    }

    /** A manual run. */
    RunContext run() {
        return run("manual", false);
    }

    /** Records {@code result} as its target's result (or preview result, for a PLANNED one in {@code preview/}). */
    void result(TargetResult result, boolean preview) {
        write(RunLayout.result(PREFIX, preview, result.account(), result.region()), result);
    }

    /**
     * A result with the code its outcome usually has (BOOTSTRAPPED/PLANNED: TOOLKIT_MISSING, SKIPPED: UP_TO_DATE,
     * FAILED: BUILD_FAILED), build {@code p:1} with logs at {@code https://logs}, 42 seconds.
     */
    void recorded(Target target, Outcome outcome, String reason) {
        ReasonCode code = switch (outcome) {
            case BOOTSTRAPPED, PLANNED -> ReasonCode.TOOLKIT_MISSING;
            case SKIPPED -> ReasonCode.UP_TO_DATE;
            case FAILED -> ReasonCode.BUILD_FAILED;
        };
        result(new TargetResult(target.account(), target.region(), outcome, code, reason, "p:1", "https://logs",
                null, null, 42L, outcome == Outcome.FAILED ? null : Fixtures.devUpToDate()), false);
    }

    /** A result without a build, 3 seconds, observed up to date. */
    void recorded(Target target, Outcome outcome, ReasonCode code, String reason) {
        result(new TargetResult(target.account(), target.region(), outcome, code, reason, null, null, null, null, 3L,
                Fixtures.devUpToDate()), false);
    }

    Report report() {
        try {
            return Json.strict().readValue(store.text(BUCKET, PREFIX + "report.json").orElseThrow(), Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String markdown() {
        return store.text(BUCKET, PREFIX + "report.md").orElseThrow();
    }

    void write(String key, Object value) {
        try {
            store.write(BUCKET, key, Json.strict().writeValueAsBytes(value), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
