package dev.cdkbootstrap.workflow.error;

/** CodeBuild refused to start a build now (concurrent build limit, throttling). Retried with backoff. */
public final class BuildThrottled extends WorkflowException {

    public BuildThrottled(String message) {
        super(message);
    }

    public BuildThrottled(String message, Throwable cause) {
        super(message, cause);
    }
}
