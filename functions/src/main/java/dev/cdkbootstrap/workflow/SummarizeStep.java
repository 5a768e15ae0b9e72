package dev.cdkbootstrap.workflow;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Plan;
import dev.cdkbootstrap.workflow.error.TargetsFailed;
import dev.cdkbootstrap.workflow.model.ConfigLocation;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.Report;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.RunSummary;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetResult;
import dev.cdkbootstrap.workflow.port.Notifier;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import dev.cdkbootstrap.workflow.port.RunMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Step 6, after the Map. Reads every planned target's result (a target without one is FAILED,
 * "no result recorded"), writes {@code report.json} and {@code report.md}, publishes a summary and
 * the outcome metrics, and throws {@link TargetsFailed} naming the failed targets.
 */
public final class SummarizeStep {
    static final long MAX_OBJECT_BYTES = 64L * 1024 * 1024;
    private static final int NAMED_FAILURES = 20;
    private static final int MAX_CAUSE_REASON_CHARS = 400;
    static final int PARALLEL_READS = 16;
    /** SNS messages stay short; report.md lists every warning. */
    private static final int NAMED_WARNINGS = 5;

    private final ObjectStore store;
    private final Optional<Notifier> notifier;
    private final RunMetrics metrics;

    public SummarizeStep(ObjectStore store, Optional<Notifier> notifier, RunMetrics metrics) {
        this.store = store;
        this.notifier = notifier;
        this.metrics = metrics;
    }

    public RunSummary run(RunContext run) {
        List<TargetResult> results = readResults(run, readItems(run));
        Report report = report(run, results);
        List<String> warnings = readWarnings(run);
        String reportKey = RunLayout.report(run.runPrefix());
        store.write(run.artifactBucket(), reportKey, bytes(report), "application/json");
        store.write(run.artifactBucket(), RunLayout.reportMarkdown(run.runPrefix()),
                ReportMarkdown.render(report, results, warnings).getBytes(StandardCharsets.UTF_8), "text/markdown");
        notifier.ifPresent(n -> n.publish(subject(report), message(report, run, reportKey, warnings)));
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("TargetsBootstrapped", report.counts().bootstrapped());
        counts.put("TargetsSkipped", report.counts().skipped());
        counts.put("TargetsFailed", report.counts().failed());
        counts.put("TargetsPlanned", report.counts().planned());
        metrics.publish(run.runId(), counts);
        if (report.status() == Report.RunStatus.FAILED) {
            throw new TargetsFailed(failureMessage(results, report.counts().failed(), run, reportKey));
        }
        return new RunSummary(report.status(), report.counts(), reportKey);
    }

    static Report report(RunContext run, List<TargetResult> results) {
        int bootstrapped = count(results, Outcome.BOOTSTRAPPED);
        int skipped = count(results, Outcome.SKIPPED);
        int failed = count(results, Outcome.FAILED);
        List<Report.Entry> entries = results.stream().map(r -> new Report.Entry(r.account(), r.region(),
                r.outcome(), r.reason(), r.buildId(), r.durationSeconds(), r.reasonCode(), r.observed())).toList();
        // A failed Map (its item reader, result writer, or children it stopped) is never a succeeded run.
        boolean mapFailed = run.mapFailure() != null;
        return new Report(run.runId(), run.trigger(), run.dryRun(), run.config(),
                failed > 0 || mapFailed ? Report.RunStatus.FAILED : Report.RunStatus.SUCCEEDED,
                new Report.Counts(bootstrapped, skipped, failed, results.size()),
                mapFailed ? run.mapFailure().describe(Integer.MAX_VALUE) : null, entries);
    }

    private List<TargetItem> readItems(RunContext run) {
        byte[] content = store.read(run.artifactBucket(), run.itemsKey(), null, MAX_OBJECT_BYTES)
                .orElseThrow(() -> new IllegalStateException("the run's targets s3://" + run.artifactBucket()
                        + "/" + run.itemsKey() + " are missing"))
                .content();
        try {
            return Json.strict().readValue(content, new TypeReference<List<TargetItem>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + run.itemsKey(), e);
        }
    }

    /**
     * One GET per target, {@value #PARALLEL_READS} at a time: a 10,000-target run must be summarized
     * well inside the function's timeout. Results keep the order of targets.json.
     */
    private List<TargetResult> readResults(RunContext run, List<TargetItem> items) {
        ThreadFactory daemons = Thread.ofPlatform().name("summarize-read-", 0).daemon().factory();
        int threads = Math.max(1, Math.min(PARALLEL_READS, items.size()));
        try (ExecutorService reads = Executors.newFixedThreadPool(threads, daemons)) {
            List<Future<TargetResult>> pending = items.stream()
                    .map(item -> reads.submit(() -> readResult(run, item))).toList();
            List<TargetResult> results = new ArrayList<>(items.size());
            for (Future<TargetResult> result : pending) {
                results.add(await(result));
            }
            return results;
        }
    }

    private static TargetResult await(Future<TargetResult> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the run's results", e);
        }
    }

    private TargetResult readResult(RunContext run, TargetItem item) {
        String account = item.target().account();
        String region = item.target().region();
        String key = RunLayout.result(run.runPrefix(), account, region);
        return store.read(run.artifactBucket(), key, null, MAX_OBJECT_BYTES).map(object -> {
            try {
                return Json.strict().readValue(object.content(), TargetResult.class);
            } catch (IOException e) {
                return new TargetResult(account, region, Outcome.FAILED, ReasonCode.NO_RESULT, "unreadable result "
                        + key + ": " + e.getMessage(), null, null, null, null, null, null);
            }
        }).orElseGet(() -> TargetResult.missing(account, region));
    }

    private static int count(List<TargetResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static String subject(Report report) {
        return SafeText.plain("CDK bootstrap " + report.status() + (report.dryRun() ? " (dry run)" : "") + ": "
                + report.runId(), 100);
    }

    /**
     * The notification: plain text whose lines are ours; every value in it from outside (run id, trigger,
     * config version, the Map's error, warnings) is one line ({@link SafeText#plain(String)}).
     */
    private static String message(Report report, RunContext run, String reportKey, List<String> warnings) {
        Report.Counts c = report.counts();
        StringBuilder text = new StringBuilder("Run " + SafeText.plain(report.runId()) + " ("
                + SafeText.plain(report.trigger()) + ") " + report.status() + ": " + c.planned() + " planned, "
                + c.bootstrapped() + " bootstrapped, " + c.skipped() + " skipped, " + c.failed() + " failed.\nReport: s3://"
                + SafeText.plain(run.artifactBucket() + "/" + reportKey));
        ConfigLocation config = report.config();
        if (config != null && config.oldVersion()) {
            text.append(config.superseded() ? "\nSuperseded: version " : "\nOld version, run on purpose (allowOldVersion): version ")
                    .append(SafeText.plain(config.versionId())).append(" of ")
                    .append(SafeText.plain(config.uri())).append(config.superseded()
                            ? " was no longer the latest (" + SafeText.plain(config.latestVersionId())
                                    + "); nothing was run, the run of the newer upload bootstraps"
                            : "; the latest is " + SafeText.plain(config.latestVersionId()));
        }
        if (run.mapFailure() != null) {
            text.append("\nThe Map state failed: ").append(SafeText.plain(run.mapFailure().describe(MAX_CAUSE_REASON_CHARS)));
        }
        if (!warnings.isEmpty()) {
            text.append("\n").append(warnings.size()).append(" warning(s):");
            warnings.stream().limit(NAMED_WARNINGS).forEach(w -> text.append("\n- ").append(SafeText.plain(w)));
            if (warnings.size() > NAMED_WARNINGS) {
                text.append("\n- and ").append(warnings.size() - NAMED_WARNINGS).append(" more in report.md");
            }
        }
        return text.toString();
    }

    /**
     * Every warning of the run: the RunContext carries only the first few (payload limit), plan.json all
     * of them; when the plan cannot be read, the ones the RunContext carries.
     */
    private List<String> readWarnings(RunContext run) {
        List<String> carried = run.warnings() == null ? List.of() : run.warnings();
        if (run.warningCount() <= carried.size()) {
            return carried;
        }
        return store.read(run.artifactBucket(), RunLayout.plan(run.runPrefix()), null, MAX_OBJECT_BYTES).map(plan -> {
            try {
                return Json.strict().readValue(plan.content(), Plan.class).warnings();
            } catch (IOException e) {
                return carried;
            }
        }).orElse(carried);
    }

    private static String failureMessage(List<TargetResult> results, int failed, RunContext run, String reportKey) {
        List<String> named = results.stream().filter(r -> r.outcome() == Outcome.FAILED).limit(NAMED_FAILURES)
                .map(r -> r.account() + "/" + r.region() + " (" + r.reasonCode() + ": " + shortened(r.reason()) + ")")
                .toList();
        String mapFailed = run.mapFailure() == null ? ""
                : "The Map state failed (" + SafeText.plain(run.mapFailure().describe(MAX_CAUSE_REASON_CHARS)) + "). ";
        return mapFailed + failed + " target(s) failed" + (named.isEmpty() ? "" : ": " + String.join("; ", named))
                + (failed > NAMED_FAILURES ? "; and " + (failed - NAMED_FAILURES) + " more" : "")
                + ". Report: s3://" + run.artifactBucket() + "/" + reportKey;
    }

    /** A reason on one line, cut for the error cause (20 of them must stay well inside its 32,768 characters). */
    private static String shortened(String reason) {
        return SafeText.plain(reason, MAX_CAUSE_REASON_CHARS);
    }

    private static byte[] bytes(Object value) {
        try {
            return Json.strict().writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
