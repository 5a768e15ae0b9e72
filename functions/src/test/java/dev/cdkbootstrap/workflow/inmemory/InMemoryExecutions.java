package dev.cdkbootstrap.workflow.inmemory;

import dev.cdkbootstrap.workflow.port.ExecutionStarter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Step Functions executions: a name is used once per state machine, as in AWS. */
public final class InMemoryExecutions implements ExecutionStarter {
    public final Map<String, String> inputs = new LinkedHashMap<>();

    @Override
    public Started start(String stateMachineArn, String executionName, String inputJson) {
        String arn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
        if (inputs.containsKey(arn)) {
            return new Started(arn, true);
        }
        inputs.put(arn, inputJson);
        return new Started(arn, false);
    }
}
