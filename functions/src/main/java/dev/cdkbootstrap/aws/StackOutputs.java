package dev.cdkbootstrap.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;

/**
 * The Outputs of a deployed orchestrator stack (template.yaml, "Outputs"), for commands that are given
 * only the stack name ({@code bootstrapctl approve|reject|upload|run|status|report --stack NAME}).
 */
public final class StackOutputs {
    private StackOutputs() {}

    /**
     * @return output key → value, in the order CloudFormation lists them
     * @throws IllegalStateException naming the stack when it cannot be read (absent, no access, ...)
     */
    public static Map<String, String> of(AwsClients clients, String stackName) {
        try (CloudFormationClient cloudFormation = clients.configure(CloudFormationClient.builder()).build()) {
            Map<String, String> outputs = new LinkedHashMap<>();
            cloudFormation.describeStacks(b -> b.stackName(stackName)).stacks().stream()
                    .flatMap(stack -> stack.outputs().stream())
                    .forEach(output -> outputs.put(output.outputKey(), output.outputValue()));
            return outputs;
        } catch (CloudFormationException e) {
            throw new IllegalStateException("cannot read stack " + stackName + ": " + AwsErrors.message(e), e);
        }
    }

    /**
     * @throws IllegalStateException naming the stack and the output when the stack has no such output
     */
    public static String require(Map<String, String> outputs, String stackName, String key) {
        String value = outputs.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("stack " + stackName + " has no " + key
                    + " output: is it the orchestrator's stack?");
        }
        return value;
    }
}
