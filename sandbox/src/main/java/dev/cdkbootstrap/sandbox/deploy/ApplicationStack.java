package dev.cdkbootstrap.sandbox.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * The deployed application as a CloudFormation stack, so what reads a stack's Outputs
 * ({@code bootstrapctl ... --stack sandbox}, {@code aws cloudformation describe-stacks}) finds it. The
 * sandbox deploys template.yaml's resources one by one, not through CloudFormation; this stack holds one
 * placeholder resource and template.yaml's Outputs, resolved to what the sandbox deployed.
 */
public final class ApplicationStack {
    private ApplicationStack() {}

    /** Creates stack {@link SamApplication#STACK_NAME} with {@code app}'s outputs; returns the outputs. */
    public static Map<String, String> create(SamApplication app, EmulatorClients clients) {
        Map<String, String> outputs = new java.util.LinkedHashMap<>(app.outputs());
        ObjectNode template = Json.tolerant().createObjectNode();
        template.put("Description", "The sandbox's deployment of template.yaml: its Outputs (resources deployed one by one)");
        template.putObject("Resources").putObject("Placeholder").put("Type", "AWS::CloudFormation::WaitConditionHandle");
        ObjectNode section = template.putObject("Outputs");
        outputs.values().removeIf(value -> value == null || value.isEmpty()); // CloudFormation has no empty output
        outputs.forEach((name, value) -> section.putObject(name).put("Value", value));
        try (CloudFormationClient cloudFormation = clients.cloudFormation()) {
            cloudFormation.createStack(b -> b.stackName(SamApplication.STACK_NAME).templateBody(template.toString()));
            StackStatus status = cloudFormation.describeStacks(b -> b.stackName(SamApplication.STACK_NAME)).stacks().get(0)
                    .stackStatus();
            if (status != StackStatus.CREATE_COMPLETE) {
                throw new IllegalStateException("moto left stack " + SamApplication.STACK_NAME + " " + status);
            }
        }
        return outputs;
    }
}
