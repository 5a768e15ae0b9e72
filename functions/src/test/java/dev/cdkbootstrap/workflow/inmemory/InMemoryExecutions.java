package dev.cdkbootstrap.workflow.inmemory;

import dev.cdkbootstrap.workflow.port.ExecutionStarter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Step Functions executions: a name is used once per state machine, as in AWS; a started execution is
 * RUNNING until a test ends it with {@link #end}.
 */
public final class InMemoryExecutions implements ExecutionStarter {
    public final Map<String, String> inputs = new LinkedHashMap<>();
    public final Map<String, String> statuses = new LinkedHashMap<>();

    @Override
    public Optional<Execution> find(String stateMachineArn, String executionName) {
        String arn = arn(stateMachineArn, executionName);
        return Optional.ofNullable(statuses.get(arn)).map(status -> new Execution(arn, status));
    }

    @Override
    public Started start(String stateMachineArn, String executionName, String inputJson) {
        String arn = arn(stateMachineArn, executionName);
        if (inputs.containsKey(arn)) {
            return new Started(arn, true);
        }
        inputs.put(arn, inputJson);
        statuses.put(arn, "RUNNING");
        return new Started(arn, false);
    }

    /** Ends the execution of that ARN with a final status (SUCCEEDED, FAILED, TIMED_OUT, ABORTED). */
    public void end(String executionArn, String status) {
        statuses.put(executionArn, status);
    }

    private static String arn(String stateMachineArn, String executionName) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
    }
}
