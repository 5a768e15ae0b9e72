package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static dev.cdkbootstrap.workflow.Fixtures.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings;
import dev.cdkbootstrap.workflow.ToolkitDecision.Verdict;
import dev.cdkbootstrap.workflow.inmemory.InMemoryTargets;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.TargetState;
import dev.cdkbootstrap.workflow.port.ToolkitInspector.StackState;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The settings beyond trust and execution policies in the decision table (docs/workflow.md, "Managed
 * settings"): each one the plan manages is compared and named when it differs; one it does not manage is
 * ignored, whatever the stack holds.
 */
class ManagedSettingsTest {
    private static final String POLICY = Fixtures.policyArn(DEV, "eu-west-1");
    private static final ToolkitRequirements PINNED = ToolkitRequirements.pinned(33);

    /** The dev toolkit as planned at version 33, with these further settings as the stack holds them. */
    private static ObservedToolkit toolkit(List<String> lookup, String boundary, boolean protection, Map<String, String> tags,
            String kmsKey, Boolean publicAccessBlock) {
        return new ObservedToolkit("UPDATE_COMPLETE", 33, "33", ToolkitObserver.DEFAULT_VARIANT, "hnb659fds",
                List.of(PIPELINE), lookup, List.of(POLICY), boundary, false, protection, tags, kmsKey, publicAccessBlock, null);
    }

    /** What the pinned CLI leaves when nothing beyond trust and policies is asked for. */
    private static ObservedToolkit plain() {
        return toolkit(List.of(), "", false, Map.of(), "AWS_MANAGED_KEY", true);
    }

    private static Target dev(List<String> lookup, String boundary, Boolean protection, Map<String, String> tags,
            String kmsKey, Boolean publicAccessBlock) {
        return Fixtures.withSettings(Fixtures.devTarget(),
                new ToolkitSettings(lookup, boundary, protection, tags, kmsKey, publicAccessBlock, null));
    }

    private static Verdict decide(ObservedToolkit observed, Target target) {
        return ToolkitDecision.decide(observed, target, PINNED);
    }

    @Test
    void unmanagedSettingsAreIgnoredWhateverTheStackHolds() {
        ObservedToolkit odd = toolkit(List.of(), "someone-elses", true, Map.of("owner", "ops"), "", false);

        assertThat(decide(odd, Fixtures.devTarget()).code()).isEqualTo(ReasonCode.UP_TO_DATE);
    }

    @Test
    void everyManagedSettingEqualIsUpToDate() {
        Target target = dev(List.of("222222222222"), "team-boundary", true, Map.of("team", "ml"), "create", false);
        ObservedToolkit same = toolkit(List.of("222222222222"), "team-boundary", true, Map.of("team", "ml"), "", false);

        Verdict verdict = decide(same, target);

        assertThat(verdict.decision()).isEqualTo(Decision.SKIP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.UP_TO_DATE);
    }

    @Test
    void eachManagedSettingThatDiffersIsNamedWithBothValues() {
        Target target = dev(List.of("222222222222"), "team-boundary", true, Map.of("team", "ml"), "create", false);

        Verdict verdict = decide(plain(), target);

        assertThat(verdict.code()).isEqualTo(ReasonCode.SETTINGS_DIFFER);
        assertThat(verdict.findings()).containsExactly(
                "trust for lookup differs: deployed [] wanted [222222222222]",
                "permissions boundary differs: deployed (none) wanted team-boundary",
                "termination protection is off, wanted on",
                "tags differ: deployed {} wanted {team=ml}",
                "KMS key differs: deployed aws-managed wanted create",
                "public access block is on, wanted off");
    }

    @Test
    void theOtherDirectionOfEachIsNamedToo() {
        Target target = dev(List.of(), null, false, Map.of("team", "ml"), "aws-managed", true);
        ObservedToolkit deployed = toolkit(List.of(), "", true, Map.of("team", "ml", "extra", "x"), "alias/mine", false);

        assertThat(decide(deployed, target).findings()).containsExactly("termination protection is on, wanted off",
                "tags differ: deployed {extra=x, team=ml} wanted {team=ml}", "KMS key differs: deployed alias/mine wanted aws-managed",
                "public access block is off, wanted on");
    }

    @Test
    void aKeyOfTheTargetIsComparedAsWritten() {
        String key = "arn:aws:kms:eu-west-1:111111111111:key/0a1b2c3d-0000-4000-8000-000000000000";
        Target target = dev(List.of(), null, null, null, key, null);

        assertThat(decide(toolkit(List.of(), "", false, Map.of(), key, true), target).code()).isEqualTo(ReasonCode.UP_TO_DATE);
        assertThat(decide(toolkit(List.of(), "", false, Map.of(), null, true), target).findings())
                .containsExactly("KMS key differs: deployed (not set) wanted " + key);
    }

    @Test
    void lookupTrustMayKeepDeploymentTrustedAccountsButNoOtherAndMustHoldEveryWantedOne() {
        Target target = dev(List.of("222222222222"), null, null, null, null, null);

        assertThat(decide(toolkit(List.of("222222222222", PIPELINE), "", false, Map.of(), "AWS_MANAGED_KEY", true), target)
                .code()).isEqualTo(ReasonCode.UP_TO_DATE);
        Verdict foreign = decide(toolkit(List.of("222222222222", "444444444444"), "", false, Map.of(), "AWS_MANAGED_KEY", true),
                target);
        assertThat(foreign.findings()).containsExactly(
                "trust for lookup differs: deployed [222222222222, 444444444444] wanted [222222222222] ([444444444444] trusted neither way)");
        assertThat(foreign.untrust()).as("a wanted lookup account is never untrusted (the CLI refuses both)")
                .containsExactly("444444444444");
    }

    @Test
    void theExampleBoundaryIsTheOneTheCliCreatesForTheQualifier() {
        Target target = dev(List.of(), "cdk-example", null, null, null, null);

        assertThat(decide(toolkit(List.of(), "cdk-hnb659fds-permissions-boundary", false, Map.of(), "AWS_MANAGED_KEY", true),
                target).code()).isEqualTo(ReasonCode.UP_TO_DATE);
        assertThat(decide(plain(), target).findings()).containsExactly("permissions boundary differs: deployed (none) wanted"
                + " cdk-hnb659fds-permissions-boundary (the CDK's example boundary, cdk-example)");
    }

    @Test
    void aConfiguredBoundaryIsComparedByNameOnlyAsTheCdkPutsItOnTheExecutionRole() {
        Target target = dev(List.of(), "team-boundary", null, null, null, null);

        assertThat(decide(toolkit(List.of(), "team-boundary", false, Map.of(), "AWS_MANAGED_KEY", true), target).code())
                .isEqualTo(ReasonCode.UP_TO_DATE);
    }

    /** VerifyTarget reads every setting from DescribeStacks and converges only when each is as planned. */
    @Test
    void verificationObservesEverySettingAndConvergesOnlyWhenEachIsAsPlanned() {
        InMemoryTargets targets = new InMemoryTargets();
        VerifyTargetStep verify = new VerifyTargetStep(targets, new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30)),
                PINNED, Clock.fixed(Fixtures.START, ZoneOffset.UTC));
        Target target = dev(List.of("222222222222"), null, true, Map.of("team", "ml"), "create", false);
        TargetState built = Fixtures.state(target, false).withDecision(Fixtures.START, Decision.BOOTSTRAP,
                ReasonCode.SETTINGS_DIFFER, "tags differ", List.of(), null);

        targets.account(DEV).toolkit("CDKToolkit", "UPDATE_COMPLETE", parameters("", "AWS_MANAGED_KEY", "true"), 33, "33");
        TargetState unchanged = verify.run(built);
        assertThat(unchanged.verification().converged()).isFalse();
        assertThat(unchanged.verification().differences()).hasSize(5);

        Map<String, String> applied = parameters("222222222222", "", "false");
        targets.account(DEV).stacks.put("CDKToolkit", new StackState("UPDATE_COMPLETE", applied,
                Map.of("BootstrapVersion", "33"), true, Map.of("team", "ml")));
        TargetState converged = verify.run(built);
        assertThat(converged.verification().converged()).as(converged.verification().toString()).isTrue();
        assertThat(converged.observed()).satisfies(o -> {
            assertThat(o.trustForLookup()).containsExactly("222222222222");
            assertThat(o.terminationProtection()).isTrue();
            assertThat(o.tags()).containsExactly(Map.entry("team", "ml"));
            assertThat(o.kmsKey()).isEmpty();
            assertThat(o.publicAccessBlock()).isFalse();
        });
    }

    private static Map<String, String> parameters(String lookup, String kmsKey, String publicAccessBlock) {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("TrustedAccounts", PIPELINE,
                "TrustedAccountsForLookup", lookup, "CloudFormationExecutionPolicies", POLICY,
                "Qualifier", Target.DEFAULT_QUALIFIER, "BootstrapVariant", ToolkitObserver.DEFAULT_VARIANT));
        parameters.put("FileAssetsBucketKmsKeyId", kmsKey);
        parameters.put("PublicAccessBlockConfiguration", publicAccessBlock);
        return parameters;
    }
}
