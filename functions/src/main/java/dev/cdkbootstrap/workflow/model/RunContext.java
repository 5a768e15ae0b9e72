package dev.cdkbootstrap.workflow.model;

import java.util.List;

/**
 * LoadConfig's output, carried through the run to Summarize: where the plan and the Map's items
 * are ({@code artifactBucket}, {@code itemsKey}), how many targets were planned, and the plan's
 * warnings: the first {@link #SHOWN_WARNINGS} of them and their count (the full list is in plan.json).
 * Its size does not grow with the number of targets (state payloads are limited to 256 KiB).
 * {@code mapFailure} is null from LoadConfig; the Map's Catch sets it ({@code ResultPath: $.mapFailure})
 * when the Map state itself failed, so that Summarize can say so in the report. {@code preview} is
 * true while the Map runs as the approval gate's preview (a dry run whose results go to
 * {@code preview/results/}); {@code approval} is null when the run has no gate.
 */
public record RunContext(
        String runId,
        String trigger,
        boolean dryRun,
        ConfigLocation config,
        String artifactBucket,
        String runFolder,
        String itemsKey,
        int maxConcurrency,
        PlannedCount counts,
        List<String> warnings,
        int warningCount,
        StepError mapFailure,
        boolean preview,
        Approval approval) {

    /** How many warnings travel in the state; a warning is a line naming one target or filter. */
    public static final int SHOWN_WARNINGS = 5;

    public record PlannedCount(int planned) {}

    /** The same run after ReviewChanges: the Map runs for real next (or the run waits for an answer first). */
    public RunContext reviewed(String reviewedItemsKey, Approval reviewed) {
        return new RunContext(runId, trigger, dryRun, config, artifactBucket, runFolder, reviewedItemsKey,
                maxConcurrency, counts, warnings, warningCount, null, false, reviewed);
    }
}
