package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.workflow.model.TargetChange;
import java.util.List;

/** {@code approval/changes.md}: what a run waiting for approval would change, one row per target. */
final class ChangesMarkdown {
    private ChangesMarkdown() {}

    static String render(String runId, String mode, int needed, List<TargetChange> changes) {
        StringBuilder md = new StringBuilder("# Changes of run ").append(SafeText.markdown(runId)).append("\n\n")
                .append("- Approval required for: ").append(mode).append('\n')
                .append("- Targets that would change: ").append(changes.size()).append(", needing approval: ")
                .append(needed).append("\n\n")
                .append("| Target | Row | Trust added | Trust removed | Policies added | Policies removed | Version |"
                        + " Policy documents | Needs approval because |\n|---|---|---|---|---|---|---|---|---|\n");
        for (TargetChange c : changes) {
            md.append("| ").append(c.account()).append('/').append(c.region())
                    .append(" | ").append(c.code())
                    .append(" | ").append(list(c.trustAdded()))
                    .append(" | ").append(list(c.trustRemoved()))
                    .append(" | ").append(list(c.policiesAdded()))
                    .append(" | ").append(list(c.policiesRemoved()))
                    .append(" | ").append(c.versionFrom() == null ? "none" : c.versionFrom()).append(" → ")
                    .append(c.versionTo())
                    .append(" | ").append(c.policyDocuments() ? "created or updated" : "-")
                    .append(" | ").append(SafeText.markdown(c.approvalNeeded())).append(" |\n");
        }
        return md.toString();
    }

    private static String list(List<String> values) {
        return SafeText.markdown(String.join(", ", values));
    }
}
