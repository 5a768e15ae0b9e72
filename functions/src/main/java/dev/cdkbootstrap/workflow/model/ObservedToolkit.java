package dev.cdkbootstrap.workflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

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
        List<String> leftovers) {

    /** No toolkit stack of the target's name exists, and nothing it would collide with. */
    public static ObservedToolkit noStack() {
        return new ObservedToolkit(null, null, null, null, null, null, null, null, null, null, List.of());
    }

    public boolean stackExists() {
        return stackStatus != null;
    }
}
