package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static dev.cdkbootstrap.workflow.Fixtures.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.ToolkitDecision.Verdict;
import dev.cdkbootstrap.plan.ToolkitSettings;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.inmemory.InMemoryTargets;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deployment's ToolkitPermissionsBoundary in the decision table and the verification after a build
 * (docs/workflow.md, "Managed settings"): required, it must be the stack's InputPermissionsBoundary and
 * be on every role; not required, whatever the stack has is left alone (unless cdk-app.yml names one:
 * ManagedSettingsTest); a target naming another one than the deployment's is refused up front.
 */
class PermissionsBoundaryTest {
    private static final String BOUNDARY = "cdk-guardrail";
    private static final ToolkitRequirements REQUIRED = new ToolkitRequirements(33, BOUNDARY);
    private static final String POLICY = Fixtures.policyArn(DEV, "eu-west-1");

    /** The dev target's toolkit as planned at {@code version}, with these boundary parameters. */
    private static ObservedToolkit toolkit(int version, String boundary, Boolean allRoles) {
        ObservedToolkit o = Fixtures.observed("UPDATE_COMPLETE", List.of(PIPELINE), List.of(POLICY), version);
        return new ObservedToolkit(o.stackStatus(), o.version(), o.ssmVersion(), o.variant(), o.qualifier(), o.trust(),
                o.trustForLookup(), o.executionPolicies(), boundary, allRoles, o.terminationProtection(), o.tags(), o.kmsKey(),
                o.publicAccessBlock(), null);
    }

    private static Verdict decide(ObservedToolkit observed, ToolkitRequirements required) {
        return ToolkitDecision.decide(observed, Fixtures.devTarget(), required);
    }

    @Test
    void aRequiredBoundaryTheToolkitLacksIsASettingsDifferenceNamingIt() {
        Verdict verdict = decide(toolkit(33, "", false), REQUIRED);

        assertThat(verdict.decision()).isEqualTo(Decision.BOOTSTRAP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.SETTINGS_DIFFER);
        assertThat(verdict.reason()).isEqualTo("permissions boundary differs: deployed (none) wanted cdk-guardrail");
    }

    @Test
    void anotherBoundaryIsASettingsDifferenceNamingBoth() {
        Verdict verdict = decide(toolkit(33, "legacy-boundary", true), REQUIRED);

        assertThat(verdict.code()).isEqualTo(ReasonCode.SETTINGS_DIFFER);
        assertThat(verdict.findings()).containsExactly("permissions boundary differs: deployed legacy-boundary wanted cdk-guardrail");
    }

    @Test
    void theRightBoundaryOnTheExecutionRoleOnlyIsASettingsDifference() {
        Verdict verdict = decide(toolkit(33, BOUNDARY, false), REQUIRED);

        assertThat(verdict.code()).isEqualTo(ReasonCode.SETTINGS_DIFFER);
        assertThat(verdict.reason()).isEqualTo("permissions boundary cdk-guardrail is not on every role:"
                + " ApplyPermissionsBoundaryToAllRoles is false, wanted true");
    }

    @Test
    void aStackWithoutTheBoundaryParametersLacksARequiredBoundary() {
        assertThat(decide(toolkit(33, null, null), REQUIRED).findings())
                .containsExactly("permissions boundary differs: deployed (none) wanted cdk-guardrail");
    }

    @Test
    void theRequiredBoundaryOnEveryRoleIsUpToDate() {
        Verdict verdict = decide(toolkit(33, BOUNDARY, true), REQUIRED);

        assertThat(verdict.decision()).isEqualTo(Decision.SKIP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.UP_TO_DATE);
    }

    @Test
    void noBoundaryRequiredLeavesADeployedOneAlone() {
        assertThat(decide(toolkit(33, "someone-elses", false), ToolkitRequirements.pinned(33)).code())
                .isEqualTo(ReasonCode.UP_TO_DATE);
    }

    @Test
    void anOutdatedToolkitListsTheBoundaryWithItsVersion() {
        Verdict verdict = decide(toolkit(30, "", false), REQUIRED);

        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_OUTDATED);
        assertThat(verdict.findings()).containsExactly("toolkit version 30 < pinned 33",
                "permissions boundary differs: deployed (none) wanted cdk-guardrail");
    }

    @Test
    void aNewerToolkitWithoutTheBoundaryCannotBeFixedByThePinnedCli() {
        Verdict verdict = decide(toolkit(34, "", false), REQUIRED);

        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_NEWER_THAN_PINNED);
        assertThat(verdict.reason()).contains("permissions boundary differs");
    }

    @Test
    void verificationFailsWhileTheBoundaryIsMissingAndPassesOnceItIsOnEveryRole() {
        InMemoryTargets targets = new InMemoryTargets();
        VerifyTargetStep verify = new VerifyTargetStep(targets, new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30)),
                REQUIRED, Clock.fixed(Fixtures.START, ZoneOffset.UTC));
        TargetState built = Fixtures.decided(false, Decision.BOOTSTRAP, ReasonCode.SETTINGS_DIFFER, "permissions boundary differs");

        targets.account(DEV).toolkit("CDKToolkit", "UPDATE_COMPLETE", parameters("", "false"), 33, "33");
        TargetState unchanged = verify.run(built);
        assertThat(unchanged.verification().converged()).isFalse();
        assertThat(unchanged.verification().differences())
                .containsExactly("permissions boundary differs: deployed (none) wanted cdk-guardrail");
        assertThat(unchanged.observed().permissionsBoundary()).isEmpty();

        targets.account(DEV).toolkit("CDKToolkit", "UPDATE_COMPLETE", parameters(BOUNDARY, "true"), 33, "33");
        TargetState converged = verify.run(built);
        assertThat(converged.verification().converged()).isTrue();
        assertThat(converged.observed().permissionsBoundary()).isEqualTo(BOUNDARY);
        assertThat(converged.observed().permissionsBoundaryAllRoles()).isTrue();
    }

    @Test
    void aBlankBoundaryIsNotManagedAndOneThatIsNoPolicyNameIsRefused() {
        assertThat(new ToolkitRequirements(33, " ").boundaryManaged()).isFalse();
        assertThat(new ToolkitRequirements(33, "").permissionsBoundary()).isNull();
        assertThatThrownBy(() -> new ToolkitRequirements(33, "arn:aws:iam::111111111111:policy/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'arn:aws:iam::111111111111:policy/x' is not a managed policy name");
    }

    @Test
    void aConfiguredBoundaryOtherThanTheDeploymentsIsRefusedWithoutTouchingTheAccount() {
        Clock clock = Clock.fixed(Fixtures.START, ZoneOffset.UTC);
        WaitPolicy waits = new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30));
        InMemoryTargets targets = new InMemoryTargets();
        PrepareTargetStep step = new PrepareTargetStep(targets, new TargetLock(new InMemoryObjectStore(), waits.lease(), clock), waits,
                new ToolkitRequirements(33, "cdk-guardrail"), null, clock);
        Target target = Fixtures.withSettings(Fixtures.devTarget(), new ToolkitSettings(List.of(),
                "team-boundary", null, null, null, null, null));

        TargetState result = step.run(Fixtures.state(target, false));

        assertThat(result.decision()).isEqualTo(Decision.FAIL);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.PERMISSIONS_BOUNDARY_CONFLICT);
        assertThat(result.reason()).contains("'team-boundary'", "requires 'cdk-guardrail'");
        assertThat(targets.sessions).isEmpty();
        assertThat(step.run(Fixtures.state(target, true)).reason()).startsWith("dry run: would fail: cdk-app.yml asks for");
        Target same = Fixtures.withSettings(Fixtures.devTarget(), new ToolkitSettings(List.of(),
                "cdk-guardrail", null, null, null, null, null));
        assertThat(step.run(Fixtures.state(same, false)).reasonCode()).as("the same name is no conflict")
                .isEqualTo(ReasonCode.TOOLKIT_MISSING);
    }


    /** The dev target's stack parameters as planned, with these boundary parameters. */
    private static Map<String, String> parameters(String boundary, String allRoles) {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("TrustedAccounts", PIPELINE,
                "TrustedAccountsForLookup", "", "CloudFormationExecutionPolicies", POLICY,
                "Qualifier", Target.DEFAULT_QUALIFIER, "BootstrapVariant", ToolkitObserver.DEFAULT_VARIANT));
        parameters.put("InputPermissionsBoundary", boundary);
        parameters.put("ApplyPermissionsBoundaryToAllRoles", allRoles);
        return parameters;
    }
}
