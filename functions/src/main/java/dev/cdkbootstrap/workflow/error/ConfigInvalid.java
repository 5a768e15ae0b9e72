package dev.cdkbootstrap.workflow.error;

/** cdk-app.yml cannot be planned; the message lists every {@code file:line:col: error: path: message}. Not retried. */
public final class ConfigInvalid extends WorkflowException {

    public ConfigInvalid(String message) {
        super(message);
    }

    public ConfigInvalid(String message, Throwable cause) {
        super(message, cause);
    }
}
