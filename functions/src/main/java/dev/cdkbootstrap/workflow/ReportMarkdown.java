package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.workflow.model.ConfigLocation;
import dev.cdkbootstrap.workflow.model.Report;
import dev.cdkbootstrap.workflow.model.TargetResult;
import java.util.List;

/**
 * {@code report.md}: the run at a glance, one table row per target. Every value comes from outside
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
                .append("\n- Targets: ").append(report.counts().planned()).append(" planned, ")
                .append(report.counts().bootstrapped()).append(" bootstrapped, ")
                .append(report.counts().skipped()).append(" skipped, ")
                .append(report.counts().failed()).append(" failed\n")
                .append(report.mapFailure() == null ? ""
                        : "- **The Map state failed:** " + SafeText.markdown(report.mapFailure()) + "\n")
                .append(report.approval() == null ? "" : "- Approval (" + report.approval().mode() + "): **"
                        + report.approval().outcome() + "**" + (report.approval().answer() == null ? ""
                        : " " + SafeText.markdown(report.approval().answer())) + ", " + report.approval().needed()
                        + " target(s) needed it\n")
                .append(report.drift() == null ? "" : DriftReport.markdownLine(report))
                .append('\n');
        md.append("| Target | Outcome | Code | Reason | Duration | Build |\n|---|---|---|---|---|---|\n");
        for (TargetResult r : results) {
            String logs = SafeText.url(r.logsUrl());
            md.append("| ").append(SafeText.markdown(r.account() + "/" + r.region()))
                    .append(" | ").append(r.outcome())
                    .append(" | ").append(r.reasonCode() == null ? "-" : r.reasonCode().name())
                    .append(" | ").append(SafeText.markdown(r.reason()))
                    .append(" | ").append(r.durationSeconds() == null ? "-" : r.durationSeconds() + " s")
                    .append(" | ").append(r.buildId() == null ? "-"
                            : logs == null ? SafeText.markdown(r.buildId()) : "[logs](" + logs + ")")
                    .append(" |\n");
        }
        if (report.drift() != null) {
            md.append(DriftReport.markdownSection(results));
        }
        if (!warnings.isEmpty()) { // e.g. the AdministratorAccess fallback: never silent
            md.append("\n## Warnings\n\n");
            warnings.forEach(w -> md.append("- ").append(SafeText.markdown(w)).append('\n'));
        }
        return md.toString();
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
