package dev.cdkbootstrap.workflow.model;

/**
 * What every per-target step needs to know about its run (the Map's ItemSelector builds it).
 * {@code preview} marks the approval gate's preview pass, which acts as a dry run.
 */
public record RunRef(String runId, boolean dryRun, String artifactBucket, String runFolder, boolean preview) {

    public RunRef(String runId, boolean dryRun, String artifactBucket, String runFolder) {
        this(runId, dryRun, artifactBucket, runFolder, false);
    }

    /** A dry run or a preview: nothing is written in target accounts, no lease, no build. */
    public boolean writesNothing() {
        return dryRun || preview;
    }
}
