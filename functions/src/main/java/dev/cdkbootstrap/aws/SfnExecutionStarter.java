package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.workflow.port.ExecutionStarter;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/** {@link ExecutionStarter} on Step Functions; a taken execution name means "already started". */
public final class SfnExecutionStarter implements ExecutionStarter {
    private final SfnClient sfn;

    public SfnExecutionStarter(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public Optional<Execution> find(String stateMachineArn, String executionName) {
        String arn = executionArn(stateMachineArn, executionName);
        try {
            return Optional.of(new Execution(arn, sfn.describeExecution(r -> r.executionArn(arn)).statusAsString()));
        } catch (ExecutionDoesNotExistException e) {
            return Optional.empty();
        }
    }

    @Override
    public Started start(String stateMachineArn, String executionName, String inputJson) {
        try {
            return new Started(sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(executionName)
                    .input(inputJson)).executionArn(), false);
        } catch (ExecutionAlreadyExistsException e) {
            return new Started(executionArn(stateMachineArn, executionName), true);
        }
    }

    /** arn:P:states:R:A:stateMachine:N → arn:P:states:R:A:execution:N:executionName */
    static String executionArn(String stateMachineArn, String executionName) {
        return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + executionName;
    }
}
