package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.workflow.model.ConfigLocation;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.Report;
import dev.cdkbootstrap.workflow.model.TargetResult;
import java.util.List;

/**
 * {@code report.md}: the run at a glance: its targets as one total ({@link TargetCounts}), one table row per
 * target with its whole reason, each failed target with where its build log is, and every warning grouped by
 * kind ({@link WarningGroups}). Every value comes from outside
 * (execution input, config, AWS errors, build output) and goes through {@link SafeText#markdown(String)}:
 * it cannot start a line, close a cell, or make a heading, a link or HTML.
 */
final class ReportMarkdown {

    private ReportMarkdown() {}

    static String render(Report report, List<TargetResult> results, List<String> warnings) {
        StringBuilder md = new StringBuilder();
        md.append("# CDK bootstrap run ").append(SafeText.markdown(report.runId())).append("\n\n");
        md.append("- Status: **").append(report.status()).append("**").append(report.dryRun() ? " (dry run)" : "")
                .append("\n- Trigger: ").append(SafeText.markdown(report.trigger()))
                .append("\n- Config: ").append(config(report.config()))
                .append("\n- ").append(SummarizeStep.counts(results)).append('\n')
                .append(report.mapFailure() == null ? ""
                        : "- **The Map state failed:** " + SafeText.markdown(report.mapFailure()) + "\n")
                .append(report.approval() == null ? "" : "- Approval (" + report.approval().mode() + "): **"
                        + report.approval().outcome() + "**" + (report.approval().answer() == null ? ""
                        : " " + SafeText.markdown(report.approval().answer())) + ", " + report.approval().needed()
                        + " target(s) needed it\n")
                .append(report.drift() == null ? "" : DriftReport.markdownLine(report))
                .append('\n');
        // Reasons are never cut here: report.md is where a long reason (its advice is at the end) is read whole.
        md.append("| Target | Outcome | Code | Reason | Duration | Build |\n|---|---|---|---|---|---|\n");
        for (TargetResult r : results) {
            md.append("| ").append(SafeText.markdown(r.account() + "/" + r.region()))
                    .append(" | ").append(r.outcome())
                    .append(" | ").append(r.reasonCode() == null ? "-" : r.reasonCode().name())
                    .append(" | ").append(SafeText.markdown(r.reason()))
                    .append(" | ").append(r.durationSeconds() == null ? "-" : r.durationSeconds() + " s")
                    .append(" | ").append(build(r))
                    .append(" |\n");
        }
        md.append(failed(results));
        if (report.drift() != null) {
            md.append(DriftReport.markdownSection(results));
        }
        if (!warnings.isEmpty()) { // e.g. the AdministratorAccess fallback: never silent; every one, grouped by kind
            md.append("\n## Warnings\n\n");
            for (WarningGroups.Group group : WarningGroups.of(warnings)) {
                if (group.count() == 1) {
                    md.append("- ").append(SafeText.markdown(group.message())).append('\n');
                    continue;
                }
                md.append("- ").append(group.count()).append(" times: ").append(SafeText.markdown(group.message()))
                        .append('\n');
                group.messages().forEach(w -> md.append("  - ").append(SafeText.markdown(w)).append('\n'));
            }
        }
        return md.toString();
    }

    /** The Build cell: a link to an https log, else the build id and where its log is, as text. */
    private static String build(TargetResult r) {
        if (r.buildId() == null) {
            return "-";
        }
        String link = SafeText.url(r.logsUrl());
        if (link != null) {
            return "[logs](" + link + ")";
        }
        return SafeText.markdown(r.buildId()) + (r.logsUrl() == null ? "" : " (log: " + SafeText.markdown(r.logsUrl()) + ")");
    }

    /** Each failed target with its whole reason and where its build log is (or that no build ran). */
    private static String failed(List<TargetResult> results) {
        List<TargetResult> failed = results.stream().filter(r -> r.outcome() == Outcome.FAILED).toList();
        if (failed.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Failed targets\n\n");
        for (TargetResult r : failed) {
            md.append("- **").append(SafeText.markdown(r.account() + "/" + r.region())).append("** ")
                    .append(r.reasonCode() == null ? "-" : r.reasonCode().name()).append(": ")
                    .append(SafeText.markdown(r.reason())).append(". ").append(logLocation(r)).append('\n');
        }
        return md.toString();
    }

    private static String logLocation(TargetResult r) {
        if (r.buildId() == null) {
            return "No build ran.";
        }
        String link = SafeText.url(r.logsUrl());
        return "Build log: " + (link != null ? "[" + SafeText.markdown(r.buildId()) + "](" + link + ")"
                : r.logsUrl() != null ? SafeText.markdown(r.logsUrl())
                : SafeText.markdown(r.buildId()) + " (CodeBuild build id; its log is in the project's log group)");
    }

    /** The config's place and version; an old version names the latest one too. */
    private static String config(ConfigLocation config) {
        if (config == null) {
            return "-";
        }
        String text = SafeText.markdown(config.uri());
        if (config.versionId() != null) {
            text += " (version " + SafeText.markdown(config.versionId()) + ")";
        }
        if (config.oldVersion()) {
            text += config.superseded()
                    ? "\n- **Superseded:** that version was no longer the latest (" + SafeText.markdown(config.latestVersionId())
                            + "); nothing was run, the run of the newer upload bootstraps"
                    : "\n- **Old version:** run on purpose (allowOldVersion); the latest is "
                            + SafeText.markdown(config.latestVersionId());
        }
        return text;
    }
}
