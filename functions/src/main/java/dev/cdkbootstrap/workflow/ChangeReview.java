package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.ExecutionPolicy;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.model.TargetChange;
import dev.cdkbootstrap.workflow.model.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The approval gate's rule (docs/workflow.md, "Approval"), on one target's preview result:
 * <ul>
 * <li>{@code trust-widening}: a build that makes the target trust an account it does not trust today
 *     (a new toolkit trusts every planned account), for deployment or for lookups ({@code trust_for_lookup}),
 *     or adds AdministratorAccess as an execution policy, or deploys a custom bootstrap template (it may grant
 *     anything; the reviewer reads it), or turns the staging bucket's public access block off; or an execution
 *     policy document a run would create or change (its permissions may widen: a document edited to
 *     {@code "*"} is AdministratorAccess by another name);</li>
 * <li>{@code any-change}: any build, and any execution policy document a run would create or update.</li>
 * </ul>
 * The end state a person approves is the plan's (trust, execution policies, the pinned version),
 * which is fixed when LoadConfig writes targets.json.
 */
public final class ChangeReview {
    private static final String ADMINISTRATOR_ACCESS = ":iam::aws:policy/AdministratorAccess";

    private ChangeReview() {}

    /** @return the change, empty when the preview would change nothing in the target */
    public static Optional<TargetChange> review(Target target, TargetResult preview, int pinnedVersion, String mode) {
        boolean build = preview.reasonCode() != null && preview.reasonCode().startsBuild();
        boolean documents = ExecutionPolicySync.previewChangesAPolicy(preview.reason());
        if (!build && !documents) {
            return Optional.empty();
        }
        ObservedToolkit observed = preview.observed();
        boolean exists = observed != null && observed.stackExists();
        List<String> deployedTrust = exists && observed.trust() != null ? observed.trust() : List.of();
        List<String> deployedPolicies = exists && observed.executionPolicies() != null ? observed.executionPolicies()
                : List.of();
        List<String> planned = target.executionPolicies().stream().map(ExecutionPolicy::arn).toList();
        List<String> trustAdded = build ? minus(target.trust(), deployedTrust) : List.of();
        List<String> policiesAdded = build ? minus(planned, deployedPolicies) : List.of();
        String why = null;
        if ("any-change".equals(mode)) {
            why = build ? "a build (" + preview.reasonCode() + ")" : "an execution policy document changes";
        } else if (!trustAdded.isEmpty()) {
            why = "trust widens to " + String.join(",", trustAdded);
        } else if (build && !lookupAdded(target, observed, exists).isEmpty()) {
            why = "lookup trust widens to " + String.join(",", lookupAdded(target, observed, exists));
        } else if (policiesAdded.stream().anyMatch(a -> a.endsWith(ADMINISTRATOR_ACCESS))) {
            why = "AdministratorAccess is added as an execution policy";
        } else if (build && target.settings().template() != null) {
            why = "the custom bootstrap template " + target.settings().template().path() + " is deployed (a template"
                    + " may grant anything: review it)";
        } else if (build && Boolean.FALSE.equals(target.settings().publicAccessBlock())
                && !(exists && Boolean.FALSE.equals(observed.publicAccessBlock()))) {
            why = "the staging bucket's public access block is turned off";
        } else if (documents) {
            why = "an execution policy document is created or changed (its permissions may widen)";
        }
        return Optional.of(new TargetChange(target.account(), target.region(), preview.reasonCode(), trustAdded,
                build ? minus(deployedTrust, target.trust()) : List.of(), policiesAdded,
                build ? minus(deployedPolicies, planned) : List.of(), exists ? observed.version() : null,
                pinnedVersion, documents, why));
    }

    /** {@code trust_for_lookup} accounts the toolkit does not trust for lookups today (a new toolkit: all of them). */
    private static List<String> lookupAdded(Target target, ObservedToolkit observed, boolean exists) {
        List<String> deployed = exists && observed.trustForLookup() != null ? observed.trustForLookup() : List.of();
        return minus(target.settings().trustForLookup(), deployed);
    }

    private static List<String> minus(List<String> from, List<String> taken) {
        List<String> left = new ArrayList<>(from);
        left.removeAll(taken);
        return List.copyOf(left);
    }
}
