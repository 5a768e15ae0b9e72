package dev.cdkbootstrap.workflow.error;

/**
 * The execution input asks for something a run may not do: another bucket or key than the configured
 * one, a trigger that does not exist, an old config version without {@code "allowOldVersion": true}, a
 * filter account that is not 12 digits. The message names the field, the value given and what is
 * allowed (docs/contracts.md, "Execution input"). Thrown by LoadConfig before anything is planned;
 * not retried (the same input is refused again).
 */
public final class InputRejected extends WorkflowException {

    public InputRejected(String message) {
        super(message);
    }
}
