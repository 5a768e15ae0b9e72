package dev.cdkbootstrap.contract.fakes;

import dev.cdkbootstrap.workflow.port.ExecutionStarter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Step Functions in memory: execution names are unique per state machine, like the real service. */
public final class RecordingExecutionStarter implements ExecutionStarter {
    private final Map<String, String> inputsByName = new LinkedHashMap<>();

    @Override
    public Started start(String stateMachineArn, String executionName, String inputJson) {
        String arn = stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + executionName;
        boolean existed = inputsByName.putIfAbsent(executionName, inputJson) != null;
        return new Started(arn, existed);
    }

    public Map<String, String> inputsByName() {
        return inputsByName;
    }
}
