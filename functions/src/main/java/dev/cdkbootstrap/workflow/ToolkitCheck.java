package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.ExecutionPolicy;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.error.TargetNotReady;
import dev.cdkbootstrap.workflow.port.ToolkitInspector;
import dev.cdkbootstrap.workflow.port.ToolkitInspector.StackState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The up-to-date check (semantics.md): a target needs no build when its toolkit stack is stable,
 * its SSM bootstrap version is at least the wanted one, and its TrustedAccounts and
 * CloudFormationExecutionPolicies parameters equal the plan's. Otherwise the reasons say what differed.
 */
public final class ToolkitCheck {

    private ToolkitCheck() {}

    /** @return the reasons a build is needed; empty when the target is up to date */
    public static List<String> differences(ToolkitInspector toolkit, Target target, int wantedVersion) {
        String stackName = target.toolkitStackName();
        Optional<StackState> stack = toolkit.stack(stackName);
        if (stack.isEmpty()) {
            return List.of("toolkit stack " + stackName + " not found");
        }
        String status = stack.get().status();
        if (status.endsWith("_IN_PROGRESS")) {
            throw new TargetNotReady("toolkit stack " + stackName + " in " + target.id() + " is " + status
                    + "; look again when it has settled");
        }
        List<String> reasons = new ArrayList<>();
        if (!stable(status)) {
            reasons.add("toolkit stack " + stackName + " is " + status);
        }
        String versionName = "/cdk-bootstrap/" + target.qualifier() + "/version";
        Optional<String> version = toolkit.parameter(versionName);
        if (version.isEmpty()) {
            reasons.add("bootstrap version parameter " + versionName + " not found");
        } else if (parseVersion(version.get()) < wantedVersion) {
            reasons.add("bootstrap version " + version.get().trim() + " < " + wantedVersion);
        }
        compare(reasons, "trust", stack.get().parameters().get("TrustedAccounts"), target.trust());
        compare(reasons, "execution policies",
                stack.get().parameters().get("CloudFormationExecutionPolicies"),
                target.executionPolicies().stream().map(ExecutionPolicy::arn).toList());
        return reasons;
    }

    private static boolean stable(String status) {
        return status.equals("CREATE_COMPLETE") || status.equals("UPDATE_COMPLETE")
                || status.equals("UPDATE_ROLLBACK_COMPLETE") || status.equals("IMPORT_COMPLETE")
                || status.equals("IMPORT_ROLLBACK_COMPLETE");
    }

    private static int parseVersion(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void compare(List<String> reasons, String what, String deployedList, List<String> wanted) {
        TreeSet<String> deployed = split(deployedList);
        TreeSet<String> desired = new TreeSet<>(wanted);
        if (!deployed.equals(desired)) {
            reasons.add(what + " differs: deployed " + deployed + " wanted " + desired);
        }
    }

    /** A CloudFormation CommaDelimitedList parameter value as a set. */
    static TreeSet<String> split(String list) {
        TreeSet<String> values = new TreeSet<>();
        if (list != null) {
            Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
        }
        return values;
    }
}
