package dev.cdkbootstrap.workflow.model;

/**
 * Why a target ended as it did, for tools and alarms (the reason text is for people). The toolkit
 * codes are the rows of the decision table in docs/workflow.md; the others name failures outside it.
 * A BOOTSTRAPPED target keeps the code of the decision that started its build.
 */
public enum ReasonCode {
    /** No toolkit stack, or one in REVIEW_IN_PROGRESS (a change set never executed): create it. */
    TOOLKIT_MISSING,
    /** The stack's first creation failed (ROLLBACK_COMPLETE, ROLLBACK_FAILED): the CLI deletes and re-creates it. */
    TOOLKIT_FAILED_CREATE,
    /**
     * Where the CLI would create the stack, something it would collide with exists: a retained staging
     * bucket, or another stack's version parameter of the same qualifier.
     */
    TOOLKIT_LEFTOVERS,
    /** The stack is in another operation (or another run is bootstrapping it) for longer than the bounded wait. */
    TOOLKIT_BUSY,
    /** The stack is in a failed state only a person can resolve (DELETE_FAILED, UPDATE_ROLLBACK_FAILED, ...). */
    TOOLKIT_NEEDS_OPERATOR,
    /**
     * The stack's BootstrapVariant is not the variant of the template the build would deploy (the CDK
     * default, or the configured template's): the CLI would not overwrite it.
     */
    TOOLKIT_CUSTOM_VARIANT,
    /** The stack's Qualifier parameter is not the target's qualifier. */
    TOOLKIT_QUALIFIER_MISMATCH,
    /**
     * The stack is newer than the template the build would deploy (the pinned CLI's, or the configured one)
     * and its settings differ: the CLI would not change it.
     */
    TOOLKIT_NEWER_THAN_PINNED,
    /** The SSM version parameter is missing or disagrees with the stack's BootstrapVersion output. */
    TOOLKIT_DRIFTED,
    /** The stack is older than the template the build would deploy (pinned or configured): bootstrap. */
    TOOLKIT_OUTDATED,
    /** Trust, execution policies or another managed setting differ from the plan: bootstrap. */
    SETTINGS_DIFFER,
    /** Version at or above the pinned one and every managed setting equal: skip. */
    UP_TO_DATE,
    /** The build succeeded but the target observed afterwards does not match the plan. */
    NOT_CONVERGED,
    /**
     * cdk-app.yml names a permissions boundary for the target, but the deployment requires another one on
     * every toolkit role (ToolkitPermissionsBoundary): refused before anything is read or changed.
     */
    PERMISSIONS_BOUNDARY_CONFLICT,
    /** The target is the organization's management account and AllowManagementAccount is false. */
    MANAGEMENT_ACCOUNT,
    /** The target account says it is not in the deployment's organization (OrganizationId). */
    ACCOUNT_OUTSIDE_ORGANIZATION,
    /** An account the target would trust is not proven to be in the deployment's organization. */
    TRUST_OUTSIDE_ORGANIZATION,
    /** The run waited for approval (ApprovalRequiredFor) and was rejected, or no one answered in time. */
    APPROVAL_REJECTED,
    /** The target role could not be assumed, or a call in the target was denied. */
    ACCESS_DENIED,
    /** The region is not enabled for the target account. */
    REGION_NOT_ENABLED,
    /** IAM refused an execution policy document. */
    POLICY_REJECTED,
    /** The bootstrap build ended FAILED, FAULT or STOPPED. */
    BUILD_FAILED,
    /** The bootstrap build ran past its deadline (or queued past its queue timeout) and was stopped. */
    BUILD_TIMED_OUT,
    /** CodeBuild refused to start the build for longer than the bounded wait. */
    BUILD_THROTTLED,
    /** The target's path ended without writing a result (Summarize). */
    NO_RESULT,
    /** Any other error of a step (an outage, a bug); the reason names it. */
    STEP_FAILED;

    /** The decision table's rows that start a build (BOOTSTRAP); every other toolkit row skips, waits or fails. */
    public boolean startsBuild() {
        return this == TOOLKIT_MISSING || this == TOOLKIT_FAILED_CREATE || this == TOOLKIT_OUTDATED
                || this == SETTINGS_DIFFER;
    }
}
