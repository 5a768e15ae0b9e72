package dev.cdkbootstrap.workflow.error;

/**
 * A failure the state machine reacts to by its type: Step Functions sees the class's full name as
 * the error name, so each reaction (retry, give up, fail the run) has its own subclass.
 */
public abstract class WorkflowException extends RuntimeException {

    protected WorkflowException(String message) {
        super(message);
    }

    protected WorkflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
