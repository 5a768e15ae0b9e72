package dev.cdkbootstrap.workflow.error;

/** At least one target of the run failed; the message names them. Fails the execution. */
public final class TargetsFailed extends WorkflowException {

    public TargetsFailed(String message) {
        super(message);
    }

    public TargetsFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
