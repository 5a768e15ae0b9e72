package dev.cdkbootstrap.workflow.port;

/** Starts runs of the workflow's state machine. */
public interface ExecutionStarter {

    /** Starts an execution; a name that was already used is reported, not thrown. */
    Started start(String stateMachineArn, String executionName, String inputJson);

    /** {@code alreadyExisted} when that execution name was taken (the run was started before). */
    record Started(String executionArn, boolean alreadyExisted) {}
}
