package dev.cdkbootstrap.workflow.model;

/** What happened to a target in a run. PLANNED is the outcome of every target of a dry run. */
public enum Outcome {
    BOOTSTRAPPED,
    SKIPPED,
    FAILED,
    PLANNED
}
