package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.Report;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.TargetResult;
import java.util.List;

/**
 * The drift report of scheduled reconciliation (docs/workflow.md, "Scheduled reconciliation"). A run is one
 * when its execution input says {@code "trigger": "schedule"} and {@code "dryRun": true}: what the schedule
 * starts in ReconcileMode {@code report} (template.yaml, ReconcileRunSchedule). Its report names every target
 * that is not up to date, i.e. whose reason code is anything but {@code UP_TO_DATE} (a toolkit to create or
 * update, one only a person can repair, a target that could not be checked), with its code and findings, and
 * it is published to the report topic only when such a target exists or the run itself failed: a fleet fully
 * up to date sends nothing, while report.json, report.md and the metrics are written as for every run. Every
 * other run (an {@code apply} scheduled run included) is published as always.
 */
final class DriftReport {
    /** The execution input's trigger of a scheduled run (ExecutionInputRules.TRIGGERS). */
    static final String TRIGGER = "schedule";
    /** How many drifted targets the notification names; report.md names them all. */
    static final int NAMED_TARGETS = 20;
    private static final int MAX_REASON_CHARS = 400;

    private DriftReport() {}

    static boolean applies(RunContext run) {
        return TRIGGER.equals(run.trigger()) && run.dryRun();
    }

    /** The targets that are not up to date, in the report's order. */
    static List<TargetResult> notUpToDate(List<TargetResult> results) {
        return results.stream().filter(r -> r.reasonCode() != ReasonCode.UP_TO_DATE).toList();
    }

    /** The report's {@code drift}: null for a run that is no drift report. */
    static Report.Drift summary(RunContext run, List<TargetResult> results, Report.RunStatus status) {
        if (!applies(run)) {
            return null;
        }
        List<String> drifted = notUpToDate(results).stream().map(r -> r.account() + "/" + r.region()).toList();
        return new Report.Drift(drifted.size(), drifted, !drifted.isEmpty() || status == Report.RunStatus.FAILED);
    }

    /** Whether the run's report goes to the report topic: always, unless it is a drift report with nothing to say. */
    static boolean publishes(Report report) {
        return report.drift() == null || report.drift().notified();
    }

    /** The notification's subject part after "CDK bootstrap STATUS". */
    static String subjectNote(Report report) {
        return " (drift report: " + report.drift().notUpToDate() + " not up to date)";
    }

    /** The notification's lines about the drift: each drifted target (the first {@value #NAMED_TARGETS}) with code and findings. */
    static String message(Report report, List<TargetResult> results) {
        List<TargetResult> drifted = notUpToDate(results);
        StringBuilder text = new StringBuilder("\nDrift report (scheduled, ReconcileMode report): ").append(drifted.size())
                .append(" of ").append(report.counts().planned()).append(" target(s) not up to date");
        text.append(drifted.isEmpty() ? "." : ":");
        drifted.stream().limit(NAMED_TARGETS).forEach(r -> text.append("\n- ")
                .append(SafeText.plain(r.account() + "/" + r.region())).append(' ').append(code(r)).append(": ")
                .append(SafeText.plain(r.reason(), MAX_REASON_CHARS)));
        if (drifted.size() > NAMED_TARGETS) {
            text.append("\n- and ").append(drifted.size() - NAMED_TARGETS).append(" more in report.md");
        }
        return text.toString();
    }

    /** report.md's line about the drift, in the run's summary list. */
    static String markdownLine(Report report) {
        Report.Drift drift = report.drift();
        return "- Drift report (scheduled, ReconcileMode report): " + (drift.notUpToDate() == 0 ? "every target up to date"
                : "**" + drift.notUpToDate() + " of " + report.counts().planned() + " target(s) not up to date**")
                + "; " + (drift.notified() ? "published to the report topic" : "nothing published") + "\n";
    }

    /** report.md's section naming every target that is not up to date with its code and findings; empty when none is. */
    static String markdownSection(List<TargetResult> results) {
        List<TargetResult> drifted = notUpToDate(results);
        if (drifted.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Not up to date\n\n| Target | Code | Findings |\n|---|---|---|\n");
        drifted.forEach(r -> md.append("| ").append(SafeText.markdown(r.account() + "/" + r.region()))
                .append(" | ").append(code(r)).append(" | ").append(SafeText.markdown(r.reason())).append(" |\n"));
        return md.toString();
    }

    private static String code(TargetResult r) {
        return r.reasonCode() == null ? "-" : r.reasonCode().name();
    }
}
