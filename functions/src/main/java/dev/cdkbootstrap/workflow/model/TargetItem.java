package dev.cdkbootstrap.workflow.model;

import dev.cdkbootstrap.plan.Target;
import java.util.Map;

/**
 * One item of {@code targets.json}: a target and the text of the policy files it uses, keyed by
 * their relative path, so PrepareTarget writes exactly what LoadConfig validated.
 */
public record TargetItem(Target target, Map<String, String> policyDocuments) {}
