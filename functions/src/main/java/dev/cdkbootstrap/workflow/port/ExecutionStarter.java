package dev.cdkbootstrap.workflow.port;

import java.util.Optional;

/** Starts runs of the workflow's state machine and reads how earlier ones ended. */
public interface ExecutionStarter {

    /**
     * The status of the named execution of that state machine ({@code RUNNING}, {@code SUCCEEDED},
     * {@code FAILED}, {@code TIMED_OUT}, {@code ABORTED}, ...), or empty when none has that name.
     */
    Optional<String> status(String stateMachineArn, String executionName);

    /** Starts an execution; a name that was already used is reported, not thrown. */
    Started start(String stateMachineArn, String executionName, String inputJson);

    /** {@code alreadyExisted} when that execution name was taken (the run was started before). */
    record Started(String executionArn, boolean alreadyExisted) {}
}
