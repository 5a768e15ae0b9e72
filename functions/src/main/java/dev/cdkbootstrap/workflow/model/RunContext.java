package dev.cdkbootstrap.workflow.model;

import java.util.List;

/**
 * LoadConfig's output, carried through the run to Summarize: where the plan and the Map's items
 * are ({@code artifactBucket}, {@code itemsKey}), how many targets were planned, and the plan's
 * warnings: the first {@link #SHOWN_WARNINGS} of them and their count (the full list is in plan.json).
 * Its size does not grow with the number of targets (state payloads are limited to 256 KiB).
 */
public record RunContext(
        String runId,
        String trigger,
        boolean dryRun,
        ConfigLocation config,
        String artifactBucket,
        String runPrefix,
        String itemsKey,
        int maxConcurrency,
        PlannedCount counts,
        List<String> warnings,
        int warningCount) {

    /** How many warnings travel in the state; a warning is a line naming one target or filter. */
    public static final int SHOWN_WARNINGS = 5;

    public record PlannedCount(int planned) {}
}
