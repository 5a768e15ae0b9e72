package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.port.ToolkitInspector;
import dev.cdkbootstrap.workflow.port.ToolkitInspector.StackState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a target's toolkit into an {@link ObservedToolkit}: the stack named by the target (status,
 * parameters, including the permissions boundary, KMS key and public access block ones, the
 * {@code BootstrapVersion} output, termination protection and tags), the SSM
 * version parameter of the qualifier the stack actually holds and, where the CLI would create the
 * stack, what that creation would collide with. Names are those of the pinned CDK bootstrap template.
 */
public final class ToolkitObserver {
    /** The CDK CLI's default when the stack has no BootstrapVariant parameter (older templates). */
    public static final String DEFAULT_VARIANT = "AWS CDK: Default Resources";
    /** Statuses in which the CLI creates the stack (docs/workflow.md, first two rows). */
    static final Set<String> CREATES = Set.of("REVIEW_IN_PROGRESS", "ROLLBACK_COMPLETE", "ROLLBACK_FAILED");

    private ToolkitObserver() {}

    public static ObservedToolkit observe(ToolkitInspector toolkit, Target target) {
        Optional<StackState> found = toolkit.stack(target.toolkitStackName());
        if (found.isEmpty()) {
            Optional<String> ssm = toolkit.parameter(versionParameter(target.qualifier())).map(String::trim);
            return new ObservedToolkit(null, null, ssm.orElse(null), null, null, null, null, null, null, null, null,
                    null, null, null, leftovers(toolkit, target, ssm));
        }
        StackState stack = found.get();
        Map<String, String> parameters = stack.parameters();
        String qualifier = parameters.get("Qualifier");
        Optional<String> ssm = toolkit.parameter(versionParameter(qualifier == null || qualifier.isBlank()
                ? Target.DEFAULT_QUALIFIER : qualifier)).map(String::trim);
        List<String> leftovers = CREATES.contains(stack.status()) ? leftovers(toolkit, target, ssm) : null;
        return new ObservedToolkit(stack.status(), version(stack.outputs().get("BootstrapVersion")), ssm.orElse(null),
                parameters.get("BootstrapVariant"), qualifier, list(parameters.get("TrustedAccounts")),
                list(parameters.get("TrustedAccountsForLookup")), list(parameters.get("CloudFormationExecutionPolicies")),
                parameters.get("InputPermissionsBoundary"), flag(parameters.get("ApplyPermissionsBoundaryToAllRoles")),
                stack.terminationProtection(), stack.tags(), parameters.get("FileAssetsBucketKmsKeyId"),
                flag(parameters.get("PublicAccessBlockConfiguration")), leftovers);
    }

    /**
     * Where the CLI will create the toolkit: what would make that creation fail. The staging bucket
     * {@code cdk-<qualifier>-assets-<account>-<region>} is retained when its stack is deleted (or a failed
     * creation rolls back); a version parameter of the target's qualifier means another stack holds it.
     */
    private static List<String> leftovers(ToolkitInspector toolkit, Target target, Optional<String> ssm) {
        List<String> found = new ArrayList<>();
        String bucket = stagingBucket(target);
        if (toolkit.bucketExists(bucket)) {
            found.add("S3 bucket " + bucket);
        }
        ssm.ifPresent(version -> found.add("SSM parameter " + versionParameter(target.qualifier()) + " (" + version + ")"));
        return List.copyOf(found);
    }

    /** The bootstrap template's staging bucket name when no FileAssetsBucketName is given. */
    public static String stagingBucket(Target target) {
        return stagingBucket(target.qualifier(), target.account(), target.region());
    }

    /** {@code cdk-<qualifier>-assets-<account>-<region>}. */
    public static String stagingBucket(String qualifier, String account, String region) {
        return "cdk-" + qualifier + "-assets-" + account + "-" + region;
    }

    /** {@code /cdk-bootstrap/<qualifier>/version}, the parameter the bootstrap template writes. */
    public static String versionParameter(String qualifier) {
        return "/cdk-bootstrap/" + qualifier + "/version";
    }

    /** A CloudFormation CommaDelimitedList value as a sorted, de-duplicated list; null when absent. */
    static List<String> list(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().sorted().toList();
    }

    /** A 'true'/'false' template parameter; null when absent. */
    private static Boolean flag(String value) {
        return value == null ? null : Boolean.valueOf("true".equalsIgnoreCase(value.trim()));
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

}
