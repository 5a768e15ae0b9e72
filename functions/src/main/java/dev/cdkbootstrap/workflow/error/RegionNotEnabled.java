package dev.cdkbootstrap.workflow.error;

/** The target region is not enabled (opted in) for the target account. Not retried. */
public final class RegionNotEnabled extends WorkflowException {

    public RegionNotEnabled(String message) {
        super(message);
    }

    public RegionNotEnabled(String message, Throwable cause) {
        super(message, cause);
    }
}
