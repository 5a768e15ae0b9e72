package dev.cdkbootstrap.workflow.model;

/** A bootstrap build's state as the workflow sees it. */
public enum BuildStatus {
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    FAULT,
    STOPPED,
    TIMED_OUT;

    public boolean ended() {
        return this != IN_PROGRESS;
    }
}
