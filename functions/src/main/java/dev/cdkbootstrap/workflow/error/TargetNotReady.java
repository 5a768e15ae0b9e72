package dev.cdkbootstrap.workflow.error;

/** The toolkit stack is in an {@code *_IN_PROGRESS} state: look again later. Retried. */
public final class TargetNotReady extends WorkflowException {

    public TargetNotReady(String message) {
        super(message);
    }

    public TargetNotReady(String message, Throwable cause) {
        super(message, cause);
    }
}
