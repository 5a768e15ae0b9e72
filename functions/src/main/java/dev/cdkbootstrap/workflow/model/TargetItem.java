package dev.cdkbootstrap.workflow.model;

import dev.cdkbootstrap.plan.Target;
import java.util.Map;

/**
 * One item of {@code targets.json}: a target and the text of the policy files it uses, keyed by
 * their relative path, so PrepareTarget writes exactly what LoadConfig validated. {@code refusal} is
 * set when the deployment's guardrails refuse the target (the Map then fails it without touching
 * its account), null otherwise.
 */
public record TargetItem(Target target, Map<String, String> policyDocuments, Refusal refusal) {

    public TargetItem(Target target, Map<String, String> policyDocuments) {
        this(target, policyDocuments, null);
    }

    public TargetItem refused(Refusal why) {
        return new TargetItem(target, policyDocuments, why);
    }
}
