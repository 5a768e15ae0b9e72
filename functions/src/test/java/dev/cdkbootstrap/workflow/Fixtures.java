package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.ExecutionPolicy;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.RunRef;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Targets and run references as LoadConfig would produce them. */
public final class Fixtures {
    public static final String PIPELINE = "999999999999";
    public static final String DEV = "111111111111";
    public static final String POLICY_FILE = "policies/exec.json";
    public static final String POLICY_DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

    public static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    private Fixtures() {}

    public static String policyArn(String account, String region) {
        return "arn:aws:iam::" + account + ":policy/mlops-cdk-exec-" + region;
    }

    /** A dev target trusting the pipeline, with one execution policy from a file. */
    public static Target devTarget() {
        return target(DEV, "eu-west-1", List.of(PIPELINE),
                List.of(new ExecutionPolicy(policyArn(DEV, "eu-west-1"), ExecutionPolicy.Origin.FILE, POLICY_FILE)));
    }

    public static Target target(String account, String region, List<String> trust, List<ExecutionPolicy> policies) {
        return new Target(account, region, "aws", List.of("pipeline"), trust, policies, Target.DEFAULT_QUALIFIER,
                Target.DEFAULT_TOOLKIT_STACK_NAME, ToolkitSettings.NONE, List.of("cdk", "bootstrap", "aws://" + account + "/" + region));
    }

    /** The same target with these settings beyond the basics (its bootstrapCommand is left as it was). */
    public static Target withSettings(Target t, ToolkitSettings settings) {
        return new Target(t.account(), t.region(), t.partition(), t.sources(), t.trust(), t.executionPolicies(),
                t.qualifier(), t.toolkitStackName(), settings, t.bootstrapCommand());
    }

    /** The dev target with every setting beyond the basics managed (a custom template of version 40 too). */
    public static Target devWithEverySetting() {
        return withSettings(devTarget(), new ToolkitSettings(List.of("222222222222"), "team-boundary", true,
                Map.of("cost center", "R&D, ml=1", "team", "ml"), ToolkitSettings.KMS_CREATE, false,
                new ToolkitSettings.CustomTemplate("templates/bootstrap.yaml", "ab".repeat(32), "Team Variant", 40)));
    }

    public static RunRef run(boolean dryRun) {
        return new RunRef("run-1", dryRun, "config-bucket", "runs/run-1/");
    }

    public static TargetState state(Target target, boolean dryRun) {
        return TargetState.of(run(dryRun), new TargetItem(target, Map.of(POLICY_FILE, POLICY_DOC)));
    }

    /** The dev target as PrepareTarget leaves it with that verdict (no wait, nothing observed). */
    public static TargetState decided(boolean dryRun, Decision decision, ReasonCode code, String reason) {
        return state(devTarget(), dryRun).withDecision(START, decision, code, reason, List.of(), null);
    }

    /** A toolkit as the pinned template leaves it: default variant and qualifier, SSM equal to the version, no boundary. */
    public static ObservedToolkit observed(String status, List<String> trust, List<String> policies, int version) {
        return new ObservedToolkit(status, version, Integer.toString(version), ToolkitObserver.DEFAULT_VARIANT,
                Target.DEFAULT_QUALIFIER, trust, List.of(), policies, "", false, false, Map.of(), "AWS_MANAGED_KEY", true, null);
    }

    /** The dev target's toolkit exactly as planned, at the pinned version 33. */
    public static ObservedToolkit devUpToDate() {
        return devUpToDate("UPDATE_COMPLETE");
    }

    /** The same in stack status {@code status}. */
    public static ObservedToolkit devUpToDate(String status) {
        return observed(status, List.of(PIPELINE), List.of(policyArn(DEV, "eu-west-1")), 33);
    }

    /** {@code o} with these basics instead of its own (the other settings and the status kept, no leftovers). */
    public static ObservedToolkit withBasics(ObservedToolkit o, String variant, String qualifier, Integer version,
            String ssm, List<String> trust, List<String> lookup, List<String> policies) {
        return new ObservedToolkit(o.stackStatus(), version, ssm, variant, qualifier, trust, lookup, policies,
                o.permissionsBoundary(), o.permissionsBoundaryAllRoles(), o.terminationProtection(), o.tags(), o.kmsKey(),
                o.publicAccessBlock(), null);
    }
}
