package dev.cdkbootstrap.workflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a target's toolkit looked like when it was last read (report.json's {@code observed}). Every
 * key is always written; a value is null where it could not be read. {@code stackStatus} null means
 * there is no toolkit stack of that name (then every other value is null too).
 *
 * @param version           the stack's {@code BootstrapVersion} output (null when the stack has none)
 * @param ssmVersion        the text of SSM {@code /cdk-bootstrap/<qualifier>/version} (null when missing; with
 *                          no stack, the parameter of the target's qualifier)
 * @param variant           the stack's {@code BootstrapVariant} parameter (null when absent: the CLI then
 *                          reads the CDK default)
 * @param qualifier         the stack's {@code Qualifier} parameter (null when absent: the template's default)
 * @param trust             {@code TrustedAccounts}, sorted (null when the stack has no such parameter)
 * @param trustForLookup    {@code TrustedAccountsForLookup}, sorted (likewise)
 * @param executionPolicies {@code CloudFormationExecutionPolicies}, sorted (likewise)
 * @param permissionsBoundary {@code InputPermissionsBoundary}: the managed policy NAME the template puts on its
 *                          roles as their boundary ("" = none; null when the stack has no such parameter)
 * @param permissionsBoundaryAllRoles {@code ApplyPermissionsBoundaryToAllRoles}: whether that boundary is on
 *                          every role, not only the CloudFormation execution role (null when absent)
 * @param terminationProtection the stack's {@code EnableTerminationProtection}
 * @param tags              the stack's tags, sorted by key (empty when none)
 * @param kmsKey            {@code FileAssetsBucketKmsKeyId} as the stack holds it: {@code ""} (the toolkit created
 *                          its own key), {@code AWS_MANAGED_KEY}, or a key id/ARN/alias (null when absent)
 * @param publicAccessBlock {@code PublicAccessBlockConfiguration}: whether the staging bucket blocks public access
 *                          (null when absent)
 * @param leftovers         where the CLI would create the toolkit (no stack, one in review, a failed
 *                          creation): what already exists that it would collide with (a retained staging
 *                          bucket, another stack's version parameter of this qualifier); null otherwise
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ObservedToolkit(
        String stackStatus,
        Integer version,
        String ssmVersion,
        String variant,
        String qualifier,
        List<String> trust,
        List<String> trustForLookup,
        List<String> executionPolicies,
        String permissionsBoundary,
        Boolean permissionsBoundaryAllRoles,
        Boolean terminationProtection,
        Map<String, String> tags,
        String kmsKey,
        Boolean publicAccessBlock,
        List<String> leftovers) {

    public ObservedToolkit {
        tags = tags == null ? null : Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** No toolkit stack of the target's name exists, and nothing it would collide with. */
    public static ObservedToolkit noStack() {
        return none(List.of());
    }

    /** No toolkit stack of the target's name; {@code leftovers}: what its creation would collide with. */
    public static ObservedToolkit none(List<String> leftovers) {
        return new ObservedToolkit(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                leftovers);
    }

    public boolean stackExists() {
        return stackStatus != null;
    }
}
