package dev.cdkbootstrap.workflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a target's toolkit looked like when it was last read (report.json's {@code observed}). Every
 * key is always written; a value is null where it could not be read. {@code stackStatus} null means
 * there is no toolkit stack of that name (then every other value is null too).
 *
 * @param version           the stack's {@code BootstrapVersion} output (null when the stack has none)
 * @param ssmVersion        the text of SSM {@code /cdk-bootstrap/<qualifier>/version} (null when missing)
 * @param variant           the stack's {@code BootstrapVariant} parameter (the CDK default when absent)
 * @param qualifier         the stack's {@code Qualifier} parameter (the CDK default when absent)
 * @param trust             {@code TrustedAccounts}, sorted
 * @param trustForLookup    {@code TrustedAccountsForLookup}, sorted
 * @param executionPolicies {@code CloudFormationExecutionPolicies}, sorted
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
        List<String> executionPolicies) {

    /** No toolkit stack of the target's name exists. */
    public static ObservedToolkit noStack() {
        return new ObservedToolkit(null, null, null, null, null, null, null, null);
    }

    public boolean stackExists() {
        return stackStatus != null;
    }
}
