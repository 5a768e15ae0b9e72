package dev.cdkbootstrap.workflow.error;

/** IAM refused the execution policy document (MalformedPolicyDocument, size limits). Not retried. */
public final class PolicyRejected extends WorkflowException {

    public PolicyRejected(String message) {
        super(message);
    }

    public PolicyRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
