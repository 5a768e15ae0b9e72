package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.workflow.model.Report;
import dev.cdkbootstrap.workflow.model.TargetResult;
import java.util.List;

/** {@code report.md}: the run at a glance, one table row per target. */
final class ReportMarkdown {

    private ReportMarkdown() {}

    static String render(Report report, List<TargetResult> results, List<String> warnings) {
        StringBuilder md = new StringBuilder();
        md.append("# CDK bootstrap run ").append(report.runId()).append("\n\n");
        md.append("- Status: **").append(report.status()).append("**").append(report.dryRun() ? " (dry run)" : "")
                .append("\n- Trigger: ").append(report.trigger())
                .append("\n- Config: ").append(report.config() == null ? "-" : report.config().uri())
                .append(report.config() != null && report.config().versionId() != null
                        ? " (version " + report.config().versionId() + ")" : "")
                .append("\n- Targets: ").append(report.counts().planned()).append(" planned, ")
                .append(report.counts().bootstrapped()).append(" bootstrapped, ")
                .append(report.counts().skipped()).append(" skipped, ")
                .append(report.counts().failed()).append(" failed\n")
                .append(report.mapFailure() == null ? "" : "- **The Map state failed:** " + cell(report.mapFailure()) + "\n")
                .append(report.approval() == null ? "" : "- Approval (" + report.approval().mode() + "): **"
                        + report.approval().outcome() + "**" + (report.approval().answer() == null ? ""
                        : " " + cell(report.approval().answer())) + ", " + report.approval().needed()
                        + " target(s) needed it\n")
                .append('\n');
        md.append("| Target | Outcome | Code | Reason | Duration | Build |\n|---|---|---|---|---|---|\n");
        for (TargetResult r : results) {
            md.append("| ").append(r.account()).append('/').append(r.region())
                    .append(" | ").append(r.outcome())
                    .append(" | ").append(r.reasonCode() == null ? "-" : r.reasonCode().name())
                    .append(" | ").append(cell(r.reason()))
                    .append(" | ").append(r.durationSeconds() == null ? "-" : r.durationSeconds() + " s")
                    .append(" | ").append(r.buildId() == null ? "-"
                            : r.logsUrl() == null ? cell(r.buildId()) : "[logs](" + r.logsUrl() + ")")
                    .append(" |\n");
        }
        if (!warnings.isEmpty()) { // e.g. the AdministratorAccess fallback: never silent
            md.append("\n## Warnings\n\n");
            warnings.forEach(w -> md.append("- ").append(w.replace("\n", " ")).append('\n'));
        }
        return md.toString();
    }

    static String cell(String text) {
        return text == null || text.isEmpty() ? "-" : text.replace("|", "\\|").replace("\n", " ");
    }
}
