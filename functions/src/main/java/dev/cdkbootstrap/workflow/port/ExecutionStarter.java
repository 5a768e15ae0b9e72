package dev.cdkbootstrap.workflow.port;

import java.util.Optional;

/** Starts runs of the workflow's state machine and reads how earlier ones ended. */
public interface ExecutionStarter {

    /** The named execution of that state machine, or empty when none has that name. */
    Optional<Execution> find(String stateMachineArn, String executionName);

    /** Starts an execution; a name that was already used is reported, not thrown. */
    Started start(String stateMachineArn, String executionName, String inputJson);

    /** An execution and its status ({@code RUNNING}, {@code SUCCEEDED}, {@code FAILED}, {@code TIMED_OUT}, {@code ABORTED}, ...). */
    record Execution(String executionArn, String status) {}

    /** {@code alreadyExisted} when that execution name was taken (the run was started before). */
    record Started(String executionArn, boolean alreadyExisted) {}
}
