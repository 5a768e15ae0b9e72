package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.port.ToolkitInspector;
import dev.cdkbootstrap.workflow.port.ToolkitInspector.StackState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a target's toolkit into an {@link ObservedToolkit}: the stack named by the target (status,
 * parameters, the {@code BootstrapVersion} output) and the SSM version parameter of the qualifier the
 * stack actually holds. Names are those of the pinned CDK bootstrap template.
 */
public final class ToolkitObserver {
    /** The CDK CLI's default when the stack has no BootstrapVariant parameter (older templates). */
    public static final String DEFAULT_VARIANT = "AWS CDK: Default Resources";

    private ToolkitObserver() {}

    public static ObservedToolkit observe(ToolkitInspector toolkit, Target target) {
        Optional<StackState> found = toolkit.stack(target.toolkitStackName());
        if (found.isEmpty()) {
            return ObservedToolkit.noStack();
        }
        StackState stack = found.get();
        Map<String, String> parameters = stack.parameters();
        String qualifier = nonBlank(parameters.get("Qualifier"), Target.DEFAULT_QUALIFIER);
        String ssmVersion = toolkit.parameter(versionParameter(qualifier)).map(String::trim).orElse(null);
        return new ObservedToolkit(stack.status(), version(stack.outputs().get("BootstrapVersion")), ssmVersion,
                nonBlank(parameters.get("BootstrapVariant"), DEFAULT_VARIANT), qualifier,
                list(parameters.get("TrustedAccounts")), list(parameters.get("TrustedAccountsForLookup")),
                list(parameters.get("CloudFormationExecutionPolicies")));
    }

    /** {@code /cdk-bootstrap/<qualifier>/version}, the parameter the bootstrap template writes. */
    public static String versionParameter(String qualifier) {
        return "/cdk-bootstrap/" + qualifier + "/version";
    }

    /** A CloudFormation CommaDelimitedList value as a sorted, de-duplicated list. */
    static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().sorted().toList();
    }

    private static Integer version(String output) {
        if (output == null) {
            return null;
        }
        try {
            return Integer.parseInt(output.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
