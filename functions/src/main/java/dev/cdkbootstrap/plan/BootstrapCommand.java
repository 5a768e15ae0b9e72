package dev.cdkbootstrap.plan;

import java.util.ArrayList;
import java.util.List;

/** The one CDK CLI invocation of a target. {@code --trust} replaces the deployed list, hence the union. */
final class BootstrapCommand {

    private BootstrapCommand() {}

    static List<String> of(String account, String region, List<String> trust, List<ExecutionPolicy> policies,
                           String qualifier, String toolkitStackName) {
        List<String> command = new ArrayList<>(List.of("cdk", "bootstrap", "aws://" + account + "/" + region));
        if (!trust.isEmpty()) {
            command.add("--trust");
            command.add(String.join(",", trust));
        }
        command.add("--cloudformation-execution-policies");
        command.add(String.join(",", policies.stream().map(ExecutionPolicy::arn).toList()));
        if (!Target.DEFAULT_QUALIFIER.equals(qualifier)) {
            command.add("--qualifier");
            command.add(qualifier);
        }
        if (!Target.DEFAULT_TOOLKIT_STACK_NAME.equals(toolkitStackName)) {
            command.add("--toolkit-stack-name");
            command.add(toolkitStackName);
        }
        return List.copyOf(command);
    }
}
