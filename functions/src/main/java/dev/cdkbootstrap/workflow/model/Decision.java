package dev.cdkbootstrap.workflow.model;

/** PrepareTarget's verdict for a target (docs/workflow.md, "Decision table"). */
public enum Decision {
    /** Run {@code cdk bootstrap}, then verify. */
    BOOTSTRAP,
    /** Up to date: nothing to do. */
    SKIP,
    /** FAILED without a build: the toolkit is in a state the product must not (or cannot) change. */
    FAIL,
    /** The toolkit is busy (a stack operation, or another run's build): look again after a wait. */
    WAIT
}
