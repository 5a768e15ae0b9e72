package dev.cdkbootstrap.workflow.error;

/** The target role could not be assumed or was denied in the target account (typical right after an account is created, before its role exists). Retried with backoff. */
public final class TargetAccessDenied extends WorkflowException {

    public TargetAccessDenied(String message) {
        super(message);
    }

    public TargetAccessDenied(String message, Throwable cause) {
        super(message, cause);
    }
}
