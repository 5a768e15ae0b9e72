package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.workflow.port.ToolkitInspector;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** {@link ToolkitInspector} on CloudFormation DescribeStacks (status, parameters, outputs) and SSM GetParameter. */
final class AwsToolkitInspector implements ToolkitInspector {
    private final CloudFormationClient cloudFormation;
    private final SsmClient ssm;
    private final IamPolicyStore.Guard guard;

    AwsToolkitInspector(CloudFormationClient cloudFormation, SsmClient ssm, IamPolicyStore.Guard guard) {
        this.cloudFormation = cloudFormation;
        this.ssm = ssm;
        this.guard = guard;
    }

    @Override
    public Optional<StackState> stack(String stackName) {
        try {
            Stack stack = guard.call(() -> cloudFormation.describeStacks(r -> r.stackName(stackName))).stacks()
                    .stream().findFirst().orElse(null);
            if (stack == null || "DELETE_COMPLETE".equals(stack.stackStatusAsString())) {
                return Optional.empty();
            }
            Map<String, String> parameters = stack.parameters().stream().collect(Collectors.toMap(
                    Parameter::parameterKey, p -> p.parameterValue() == null ? "" : p.parameterValue(), (a, b) -> b));
            Map<String, String> outputs = stack.outputs().stream().filter(o -> o.outputValue() != null)
                    .collect(Collectors.toMap(Output::outputKey, Output::outputValue, (a, b) -> b));
            return Optional.of(new StackState(stack.stackStatusAsString(), parameters, outputs));
        } catch (CloudFormationException e) {
            // DescribeStacks answers a missing stack with ValidationError "Stack with id X does not exist".
            if ("ValidationError".equals(AwsErrors.code(e)) && String.valueOf(e.awsErrorDetails().errorMessage())
                    .contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<String> parameter(String name) {
        try {
            return Optional.of(guard.call(() -> ssm.getParameter(r -> r.name(name))).parameter().value());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        }
    }
}
