package dev.cdkbootstrap.plan;

import java.util.List;

/**
 * One environment to bootstrap. {@code trust} is sorted and never contains {@code account};
 * {@code bootstrapCommand} is the exact CDK CLI invocation for it.
 */
public record Target(
        String account,
        String region,
        String partition,
        List<String> sources,
        List<String> trust,
        List<ExecutionPolicy> executionPolicies,
        String qualifier,
        String toolkitStackName,
        List<String> bootstrapCommand) {

    public static final String DEFAULT_QUALIFIER = "hnb659fds";
    public static final String DEFAULT_TOOLKIT_STACK_NAME = "CDKToolkit";

    /** {@code account/region}, the name a person and a log line use for a target. */
    public String id() {
        return account + "/" + region;
    }
}
