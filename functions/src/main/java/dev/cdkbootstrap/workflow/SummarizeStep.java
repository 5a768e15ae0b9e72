package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Plan;
import dev.cdkbootstrap.workflow.error.TargetsFailed;
import dev.cdkbootstrap.workflow.model.Approval;
import dev.cdkbootstrap.workflow.model.ConfigLocation;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.Report;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.RunSummary;
import dev.cdkbootstrap.workflow.model.TargetResult;
import dev.cdkbootstrap.workflow.port.Notifier;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import dev.cdkbootstrap.workflow.port.RunMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 6, after the Map. Reads every planned target's result (a target without one is FAILED,
 * "no result recorded"), writes {@code report.json} and {@code report.md}, publishes a summary (a drift
 * report only when something differs: {@link DriftReport}) and the outcome metrics, and throws
 * {@link TargetsFailed} naming the failed targets.
 */
public final class SummarizeStep {
    private static final int NAMED_FAILURES = 20;
    private static final int MAX_CAUSE_REASON_CHARS = 400;
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
        RunResults reader = new RunResults(store);
        List<TargetResult> results = outcomes(run, reader.results(run, reader.items(run), readsPreview(run)));
        Report report = report(run, results);
        List<String> warnings = readWarnings(run);
        String reportKey = RunLayout.report(run.runFolder());
        store.write(run.artifactBucket(), reportKey, Json.prettyBytes(report), "application/json");
        store.write(run.artifactBucket(), RunLayout.reportMarkdown(run.runFolder()),
                ReportMarkdown.render(report, results, warnings).getBytes(StandardCharsets.UTF_8), "text/markdown");
        if (DriftReport.publishes(report)) {
            notifier.ifPresent(n -> n.publish(subject(report), message(report, results, run, reportKey, warnings)));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("TargetsBootstrapped", report.counts().bootstrapped());
        counts.put("TargetsSkipped", report.counts().skipped());
        counts.put("TargetsFailed", report.counts().failed());
        counts.put("TargetsPlanned", report.counts().planned());
        if (report.drift() != null) {
            counts.put("TargetsNotUpToDate", report.drift().notUpToDate());
        }
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
                r.outcome(), r.reason(), r.buildId(), r.logsUrl(), r.durationSeconds(), r.reasonCode(), r.observed())).toList();
        // A failed Map (its item reader, result writer, or children it stopped) is never a succeeded run.
        boolean mapFailed = run.mapFailure() != null;
        Report.RunStatus status = failed > 0 || mapFailed || rejected(run) ? Report.RunStatus.FAILED : Report.RunStatus.SUCCEEDED;
        return new Report(run.runId(), run.trigger(), run.dryRun(), run.config(), status,
                new Report.Counts(bootstrapped, skipped, failed, results.size()),
                mapFailed ? run.mapFailure().describe(Integer.MAX_VALUE) : null, approvalSummary(run),
                DriftReport.summary(run, results, status), entries);
    }

    /** The preview's results stand for the run when the Map never ran for real: it failed, or no one approved. */
    private static boolean readsPreview(RunContext run) {
        return run.preview() || rejected(run);
    }

    private static boolean rejected(RunContext run) {
        return run.approval() != null && run.approval().rejection() != null;
    }

    /**
     * A preview's PLANNED results as the run's outcomes: nothing was built, so a target that needed a
     * build FAILED (APPROVAL_REJECTED, or the preview's own failure), an up-to-date one is SKIPPED, and
     * a target the decision table fails keeps its code.
     */
    static List<TargetResult> outcomes(RunContext run, List<TargetResult> results) {
        if (!readsPreview(run)) {
            return results;
        }
        // report.json and report.md keep a reason whole (the execution's cause is what gets cut: failureMessage)
        String why = rejected(run) ? "not bootstrapped: the run was not approved ("
                + run.approval().rejection().describe(Integer.MAX_VALUE) + ")"
                : "not bootstrapped: the approval preview did not complete";
        return results.stream().map(r -> {
            if (r.outcome() != Outcome.PLANNED) {
                return r;
            }
            boolean build = r.reasonCode() != null && r.reasonCode().startsBuild();
            Outcome outcome = r.reasonCode() == ReasonCode.UP_TO_DATE ? Outcome.SKIPPED : Outcome.FAILED;
            ReasonCode code = build ? (rejected(run) ? ReasonCode.APPROVAL_REJECTED : ReasonCode.STEP_FAILED)
                    : r.reasonCode();
            String reason = outcome == Outcome.SKIPPED ? r.reason() : build ? why + "; the preview said: " + r.reason()
                    : r.reason();
            return new TargetResult(r.account(), r.region(), outcome, code, reason, r.buildId(), r.logsUrl(),
                    r.startedAt(), r.endedAt(), r.durationSeconds(), r.observed());
        }).toList();
    }

    private static Report.ApprovalSummary approvalSummary(RunContext run) {
        Approval approval = run.approval();
        if (approval == null) {
            return null;
        }
        String answer = approval.rejection() != null ? approval.rejection().describe(Integer.MAX_VALUE)
                : approval.answer() == null ? null : approval.answer().toString();
        return new Report.ApprovalSummary(approval.mode(), approval.outcome(), approval.needed(), answer,
                approval.changesKey());
    }

    /** The targets as one total ({@link TargetCounts}), e.g. "4 targets: 4 bootstrapped". */
    static String counts(List<TargetResult> results) {
        return TargetCounts.describe(results.stream().map(r -> TargetCounts.Kind.of(r.outcome(), r.reasonCode())).toList());
    }

    private static int count(List<TargetResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static String subject(Report report) {
        return SafeText.plain("CDK bootstrap " + report.status() + (report.drift() != null ? DriftReport.subjectNote(report)
                : report.dryRun() ? " (dry run)" : "") + ": " + report.runId(), 100);
    }

    /**
     * The notification: plain text whose lines are ours; every value in it from outside (run id, trigger,
     * config version, the Map's error, warnings) is one line ({@link SafeText#plain(String)}).
     */
    private static String message(Report report, List<TargetResult> results, RunContext run, String reportKey,
            List<String> warnings) {
        StringBuilder text = new StringBuilder("Run " + SafeText.plain(report.runId()) + " ("
                + SafeText.plain(report.trigger()) + ") " + report.status() + ": " + counts(results) + ".\nReport: s3://"
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
        if (report.drift() != null) {
            text.append(DriftReport.message(report, results));
        }
        if (run.mapFailure() != null) {
            text.append("\nThe Map state failed: ").append(SafeText.plain(run.mapFailure().describe(MAX_CAUSE_REASON_CHARS)));
        }
        if (report.approval() != null) {
            text.append("\nApproval (").append(report.approval().mode()).append("): ").append(report.approval().outcome())
                    .append(report.approval().answer() == null ? "" : " " + SafeText.plain(report.approval().answer()));
        }
        if (!warnings.isEmpty()) { // grouped as on the consoles: one line per kind, with its count
            List<WarningGroups.Group> groups = WarningGroups.of(warnings);
            text.append("\n").append(warnings.size()).append(" warning(s):");
            groups.stream().limit(NAMED_WARNINGS).forEach(g -> text.append("\n- ")
                    .append(SafeText.plain(g.count() == 1 ? g.message() : g.line("warning", "each in report.md"))));
            if (groups.size() > NAMED_WARNINGS) {
                text.append("\n- and ").append(groups.size() - NAMED_WARNINGS).append(" more kinds in report.md");
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
        return store.read(run.artifactBucket(), RunLayout.plan(run.runFolder()), null, RunResults.MAX_OBJECT_BYTES).map(plan -> {
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
        String mapFailed = (run.mapFailure() == null ? ""
                : "The Map state failed (" + SafeText.plain(run.mapFailure().describe(MAX_CAUSE_REASON_CHARS)) + "). ")
                + (rejected(run) ? "The run was not approved (" + SafeText.plain(run.approval().rejection()
                        .describe(MAX_CAUSE_REASON_CHARS)) + "); nothing was bootstrapped. " : "");
        return mapFailed + failed + " target(s) failed" + (named.isEmpty() ? "" : ": " + String.join("; ", named))
                + (failed > NAMED_FAILURES ? "; and " + (failed - NAMED_FAILURES) + " more" : "")
                + ". Report: s3://" + run.artifactBucket() + "/" + reportKey;
    }

    /** A reason on one line, cut for the error cause (20 of them must stay well inside its 32,768 characters). */
    private static String shortened(String reason) {
        return SafeText.plain(reason, MAX_CAUSE_REASON_CHARS);
    }

}
