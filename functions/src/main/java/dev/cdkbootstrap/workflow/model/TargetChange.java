package dev.cdkbootstrap.workflow.model;

import java.util.List;

/**
 * What a run would change in one target, from the approval gate's preview: the plan against the
 * toolkit observed (docs/workflow.md, "Approval"). One entry of {@code approval/changes.json}.
 *
 * @param code            the decision table's row (a build when {@link ReasonCode#startsBuild()})
 * @param versionFrom     the deployed toolkit version, null when there is no toolkit
 * @param versionTo       the pinned template version a build deploys
 * @param policyDocuments true when an execution policy document would be created or updated
 * @param approvalNeeded  why this change waits for a person under the run's mode, null when it does not
 */
public record TargetChange(String account, String region, ReasonCode code, List<String> trustAdded,
        List<String> trustRemoved, List<String> policiesAdded, List<String> policiesRemoved, Integer versionFrom,
        int versionTo, boolean policyDocuments, String approvalNeeded) {}
