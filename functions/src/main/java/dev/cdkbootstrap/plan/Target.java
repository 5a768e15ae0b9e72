package dev.cdkbootstrap.plan;

import java.util.List;

/**
 * One environment to bootstrap. {@code trust} is sorted and never contains {@code account};
 * {@code settings} are the further bootstrap settings (never null; {@link ToolkitSettings#NONE} when
 * none is managed); {@code bootstrapCommand} is the exact CDK CLI invocation for it.
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
        ToolkitSettings settings,
        List<String> bootstrapCommand) {

    public static final String DEFAULT_QUALIFIER = "hnb659fds";
    public static final String DEFAULT_TOOLKIT_STACK_NAME = "CDKToolkit";

    public Target {
        settings = settings == null ? ToolkitSettings.NONE : settings; // plans written before settings existed
    }

    /** {@code account/region}, the name a person and a log line use for a target. */
    public String id() {
        return account + "/" + region;
    }
}
