package dev.cdkbootstrap.workflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code runs/<runId>/report.json}: the run's outcome per target (contract in docs/contracts.md).
 * {@code mapFailure} is {@code "<error>: <cause>"} when the Map state itself failed (then the run is
 * FAILED whatever the targets' outcomes), null when it completed. {@code approval} is null when the
 * deployment has no approval gate (or the run was a dry run). {@code drift} is null unless the run is a
 * drift report (a scheduled dry run: docs/workflow.md, "Scheduled reconciliation").
 */
public record Report(
        String runId,
        String trigger,
        boolean dryRun,
        ConfigLocation config,
        RunStatus status,
        Counts counts,
        @JsonInclude(JsonInclude.Include.ALWAYS) String mapFailure,
        @JsonInclude(JsonInclude.Include.ALWAYS) ApprovalSummary approval,
        @JsonInclude(JsonInclude.Include.ALWAYS) Drift drift,
        List<Entry> targets) {

    public enum RunStatus { SUCCEEDED, FAILED }

    public record Counts(int bootstrapped, int skipped, int failed, int planned) {}

    /**
     * @param outcome    APPROVED, REJECTED, NOT_NEEDED (no target needed approval), or PREVIEW (the
     *                   preview itself failed)
     * @param answer     the approval's answer as given (SendTaskSuccess output), or the rejection as
     *                   {@code <error>: <cause>}; null otherwise
     * @param changesKey where the reviewed changes are ({@code approval/changes.json})
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ApprovalSummary(String mode, String outcome, int needed, String answer, String changesKey) {}

    /**
     * A drift report's summary.
     *
     * @param notUpToDate how many targets are not up to date (any reason code but UP_TO_DATE)
     * @param targets     those targets as {@code <account>/<region>}, in the report's order (their code and
     *                    findings are their entries')
     * @param notified    whether the report was published to the report topic: only when a target is not up to
     *                    date or the run failed
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Drift(int notUpToDate, List<String> targets, boolean notified) {}

    /**
     * Every key always present (a stable shape for readers): buildId null when no build ran, logsUrl
     * where that build's log is (CodeBuild's deep link or console page; the sandbox's {@code file://} log),
     * null when no build ran or the link is not known, observed null when the target could not be read.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Entry(String account, String region, Outcome outcome, String reason, String buildId,
            String logsUrl, Long durationSeconds, ReasonCode reasonCode, ObservedToolkit observed) {}
}
