package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static dev.cdkbootstrap.workflow.Fixtures.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.workflow.ToolkitDecision.Verdict;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rows of the decision table (docs/workflow.md) that read a stable toolkit of the plan's variant and qualifier:
 * newer, drifted, outdated, settings that differ, up to date. The rows before them: ToolkitDecisionTest.
 */
class ToolkitDecisionSettingsTest {
    private static final int PINNED = 33;
    private static final String POLICY = Fixtures.policyArn(DEV, "eu-west-1");

    private static Verdict decide(ObservedToolkit observed) {
        return ToolkitDecision.decide(observed, Fixtures.devTarget(), ToolkitRequirements.pinned(PINNED));
    }

    @Test
    void aNewerToolkitWithOtherSettingsFailsAndAsksForANewerCli() {
        ObservedToolkit newer = Fixtures.observed("CREATE_COMPLETE", List.of("999999999990"), List.of(POLICY), 40);

        Verdict verdict = decide(newer);

        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_NEWER_THAN_PINNED);
        assertThat(verdict.reason()).contains("40", "(33)", "trust differs", "the aws-cdk pin in package.json");
    }

    @Test
    void aNewerToolkitWithThePlansSettingsIsUpToDate() {
        Verdict verdict = decide(Fixtures.observed("CREATE_COMPLETE", List.of(PIPELINE), List.of(POLICY), 40));

        assertThat(verdict.decision()).isEqualTo(Decision.SKIP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.UP_TO_DATE);
        assertThat(verdict.reason()).startsWith("up to date with the plan (version 40, newer than the pinned 33; the"
                + " CLI does not downgrade): qualifier hnb659fds, trust ");
    }

    @Test
    void aMissingSsmVersionIsDriftTheCliCannotRepair() {
        ObservedToolkit drifted = Fixtures.withBasics(Fixtures.devUpToDate(), ToolkitObserver.DEFAULT_VARIANT, "hnb659fds", 33,
                null, List.of(PIPELINE), List.of(), List.of(POLICY));

        Verdict verdict = decide(drifted);

        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_DRIFTED);
        assertThat(verdict.reason()).contains("/cdk-bootstrap/hnb659fds/version is missing",
                "aws ssm put-parameter --name /cdk-bootstrap/hnb659fds/version --type String --value 33");
    }

    @Test
    void anSsmVersionOtherThanTheStacksIsDrift() {
        ObservedToolkit drifted = Fixtures.withBasics(Fixtures.devUpToDate(), ToolkitObserver.DEFAULT_VARIANT, "hnb659fds", 33,
                "30", List.of(PIPELINE), List.of(), List.of(POLICY));

        assertThat(decide(drifted).code()).isEqualTo(ReasonCode.TOOLKIT_DRIFTED);
        assertThat(decide(drifted).reason()).contains("says 30 but the stack's BootstrapVersion is 33");
    }

    @Test
    void anOlderToolkitIsOutdatedAndListsTheOtherDifferencesToo() {
        Verdict verdict = decide(Fixtures.observed("CREATE_COMPLETE", List.of(), List.of(POLICY), 30));

        assertThat(verdict.decision()).isEqualTo(Decision.BOOTSTRAP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_OUTDATED);
        assertThat(verdict.findings()).containsExactly("toolkit version 30 < pinned 33",
                "trust differs: deployed [] wanted [" + PIPELINE + "]");
    }

    @Test
    void aToolkitWithoutAVersionOutputIsOutdatedNotDrifted() {
        ObservedToolkit legacy = Fixtures.withBasics(Fixtures.devUpToDate(), ToolkitObserver.DEFAULT_VARIANT, "hnb659fds", null,
                null, List.of(PIPELINE), List.of(), List.of(POLICY));

        assertThat(decide(legacy).code()).isEqualTo(ReasonCode.TOOLKIT_OUTDATED);
    }

    @Test
    void otherTrustIsASettingsDifferenceAndTheUnwantedAccountIsUntrusted() {
        Verdict verdict = decide(Fixtures.observed("UPDATE_COMPLETE", List.of(PIPELINE, "888888888888"),
                List.of(POLICY), 33));

        assertThat(verdict.decision()).isEqualTo(Decision.BOOTSTRAP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.SETTINGS_DIFFER);
        assertThat(verdict.reason()).isEqualTo("trust differs: deployed [888888888888, " + PIPELINE + "] wanted ["
                + PIPELINE + "]");
        assertThat(verdict.untrust()).containsExactly("888888888888");
    }

    @Test
    void trustShrunkToNothingStillConvergesThroughUntrust() {
        var target = Fixtures.target(DEV, "eu-west-1", List.of(), Fixtures.devTarget().executionPolicies());
        Verdict verdict = ToolkitDecision.decide(Fixtures.observed("UPDATE_COMPLETE", List.of(PIPELINE),
                List.of(POLICY), 33), target, ToolkitRequirements.pinned(PINNED));

        assertThat(verdict.code()).isEqualTo(ReasonCode.SETTINGS_DIFFER);
        assertThat(verdict.untrust()).containsExactly(PIPELINE);
    }

    @Test
    void otherExecutionPoliciesAreASettingsDifference() {
        Verdict verdict = decide(Fixtures.observed("UPDATE_COMPLETE", List.of(PIPELINE),
                List.of("arn:aws:iam::aws:policy/AdministratorAccess"), 33));

        assertThat(verdict.code()).isEqualTo(ReasonCode.SETTINGS_DIFFER);
        assertThat(verdict.reason()).contains("execution policies differ");
        assertThat(verdict.untrust()).isEmpty();
    }

    @Test
    void lookupTrustOfAnAccountThePlanDoesNotTrustIsUntrusted() {
        ObservedToolkit lookup = Fixtures.withBasics(Fixtures.devUpToDate(), ToolkitObserver.DEFAULT_VARIANT, "hnb659fds", 33, "33",
                List.of(PIPELINE), List.of("777777777777"), List.of(POLICY));

        Verdict verdict = decide(lookup);

        assertThat(verdict.code()).isEqualTo(ReasonCode.SETTINGS_DIFFER);
        assertThat(verdict.untrust()).containsExactly("777777777777");
    }

    @Test
    void lookupTrustOfATrustedAccountGrantsNothingMoreAndIsUpToDate() {
        ObservedToolkit lookup = Fixtures.withBasics(Fixtures.devUpToDate(), ToolkitObserver.DEFAULT_VARIANT, "hnb659fds", 33, "33",
                List.of(PIPELINE), List.of(PIPELINE), List.of(POLICY));

        Verdict verdict = decide(lookup);

        assertThat(verdict.code()).isEqualTo(ReasonCode.UP_TO_DATE);
        assertThat(verdict.untrust()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE",
            "IMPORT_ROLLBACK_COMPLETE"})
    void everyStableStatusWithThePlansSettingsIsUpToDate(String status) {
        Verdict verdict = decide(Fixtures.devUpToDate(status));

        assertThat(verdict.decision()).isEqualTo(Decision.SKIP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.UP_TO_DATE);
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.reason()).isEqualTo("up to date with the plan and the pinned template (version 33): qualifier"
                + " hnb659fds, trust " + PIPELINE
                + ", execution policy " + POLICY);
    }
}
