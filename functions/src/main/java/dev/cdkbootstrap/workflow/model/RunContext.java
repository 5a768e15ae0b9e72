package dev.cdkbootstrap.workflow.model;

import java.util.List;

/**
 * LoadConfig's output, carried through the run to Summarize: where the plan and the Map's items
 * are ({@code artifactBucket}, {@code itemsKey}), how many targets were planned and the plan's warnings.
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
        List<String> warnings) {

    public record PlannedCount(int planned) {}
}
