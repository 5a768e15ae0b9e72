package dev.cdkbootstrap.workflow.model;

/** PrepareTarget's verdict for a target. */
public enum Decision {
    BOOTSTRAP,
    SKIP
}
