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

/** One test per row of the decision table (docs/workflow.md), in the table's order, plus its edges. */
class ToolkitDecisionTest {
    private static final int PINNED = 33;
    private static final String POLICY = Fixtures.policyArn(DEV, "eu-west-1");

    private static Verdict decide(ObservedToolkit observed) {
        return ToolkitDecision.decide(observed, Fixtures.devTarget(), ToolkitRequirements.pinned(PINNED));
    }

    private static ObservedToolkit upToDate(String status) {
        return Fixtures.observed(status, List.of(PIPELINE), List.of(POLICY), PINNED);
    }

    private static ObservedToolkit with(ObservedToolkit o, String variant, String qualifier, Integer version,
            String ssm, List<String> trust, List<String> lookup, List<String> policies) {
        return new ObservedToolkit(o.stackStatus(), version, ssm, variant, qualifier, trust, lookup, policies,
                o.permissionsBoundary(), o.permissionsBoundaryAllRoles(), null);
    }

    @Test
    void noStackIsMissingAndBootstrapped() {
        Verdict verdict = decide(ObservedToolkit.noStack());

        assertThat(verdict.decision()).isEqualTo(Decision.BOOTSTRAP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_MISSING);
        assertThat(verdict.reason()).isEqualTo("toolkit stack CDKToolkit not found");
    }

    @Test
    void noStackButItsRetainedStagingBucketIsALeftoverTheCreationWouldCollideWith() {
        ObservedToolkit deleted = new ObservedToolkit(null, null, null, null, null, null, null, null, null, null,
                List.of("S3 bucket cdk-hnb659fds-assets-111111111111-eu-west-1"));

        Verdict verdict = decide(deleted);

        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_LEFTOVERS);
        assertThat(verdict.reason()).contains("not found but the CLI's creation would collide with S3 bucket",
                "aws s3 rb s3://cdk-hnb659fds-assets-111111111111-eu-west-1 --force");
    }

    @Test
    void noStackOfThisNameButTheQualifiersVersionParameterMeansAnotherStackHoldsIt() {
        ObservedToolkit other = new ObservedToolkit(null, null, "33", null, null, null, null, null, null, null,
                List.of("SSM parameter /cdk-bootstrap/hnb659fds/version (33)"));

        Verdict verdict = decide(other);

        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_LEFTOVERS);
        assertThat(verdict.reason()).contains("another toolkit stack holds qualifier 'hnb659fds'", "toolkit_stack_name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"REVIEW_IN_PROGRESS", "ROLLBACK_COMPLETE"})
    void aStackTheCliWouldCreateAgainIsCheckedForLeftoversToo(String status) {
        ObservedToolkit failed = new ObservedToolkit(status, null, null, null, null, null, null, null, null, null,
                List.of("S3 bucket cdk-hnb659fds-assets-111111111111-eu-west-1"));

        assertThat(decide(failed).code()).isEqualTo(ReasonCode.TOOLKIT_LEFTOVERS);
        assertThat(decide(failed).reason()).startsWith("toolkit stack CDKToolkit is " + status);
    }

    @Test
    void aStackWithoutVariantQualifierOrListParametersIsReadWithTheTemplatesDefaults() {
        ObservedToolkit bare = new ObservedToolkit("UPDATE_COMPLETE", 33, "33", null, null, null, null, null, null, null,
                null);

        Verdict verdict = decide(bare);

        assertThat(verdict.code()).isEqualTo(ReasonCode.SETTINGS_DIFFER);
        assertThat(verdict.findings()).containsExactly("trust differs: deployed [] wanted [" + PIPELINE + "]",
                "execution policies differ: deployed [] wanted [" + POLICY + "]");
    }

    @Test
    void aDriftedButOutdatedToolkitIsToldTheNextRunUpgradesIt() {
        ObservedToolkit drifted = with(upToDate("UPDATE_COMPLETE"), ToolkitObserver.DEFAULT_VARIANT, "hnb659fds", 30,
                null, List.of(PIPELINE), List.of(), List.of(POLICY));

        Verdict verdict = decide(drifted);

        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_DRIFTED);
        assertThat(verdict.reason()).contains("--value 30", "the next run then upgrades the outdated toolkit")
                .doesNotContain("would change nothing");
    }

    @Test
    void aStackInReviewIsTreatedAsMissing() {
        Verdict verdict = decide(upToDate("REVIEW_IN_PROGRESS"));

        assertThat(verdict.decision()).isEqualTo(Decision.BOOTSTRAP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_MISSING);
        assertThat(verdict.reason()).contains("REVIEW_IN_PROGRESS", "never executed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROLLBACK_COMPLETE", "ROLLBACK_FAILED"})
    void aFailedFirstCreationIsBootstrappedForTheCliToDeleteAndRecreate(String status) {
        Verdict verdict = decide(upToDate(status));

        assertThat(verdict.decision()).isEqualTo(Decision.BOOTSTRAP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_FAILED_CREATE);
        assertThat(verdict.reason()).contains(status, "deletes and re-creates");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
            "UPDATE_ROLLBACK_IN_PROGRESS", "DELETE_IN_PROGRESS", "ROLLBACK_IN_PROGRESS", "IMPORT_IN_PROGRESS"})
    void anyOtherOperationInProgressIsWaitedFor(String status) {
        Verdict verdict = decide(upToDate(status));

        assertThat(verdict.decision()).isEqualTo(Decision.WAIT);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_BUSY);
        assertThat(verdict.reason()).contains(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE_FAILED", "UPDATE_ROLLBACK_FAILED", "IMPORT_ROLLBACK_FAILED", "CREATE_FAILED",
            "UPDATE_FAILED", "SOME_FUTURE_STATUS"})
    void aStackOnlyAPersonCanRepairFailsWithoutABuildAndSaysWhatToDo(String status) {
        Verdict verdict = decide(upToDate(status));

        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_NEEDS_OPERATOR);
        assertThat(verdict.reason()).contains(status).contains("then run again");
    }

    @Test
    void theRollbackThatFailedIsToBeContinuedByName() {
        assertThat(decide(upToDate("UPDATE_ROLLBACK_FAILED")).reason())
                .contains("aws cloudformation continue-update-rollback --stack-name CDKToolkit");
    }

    @Test
    void aCustomVariantIsNotOursToOverwrite() {
        ObservedToolkit custom = with(upToDate("CREATE_COMPLETE"), "Acme: hardened", "hnb659fds", 33, "33",
                List.of(PIPELINE), List.of(), List.of(POLICY));

        Verdict verdict = decide(custom);

        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_CUSTOM_VARIANT);
        assertThat(verdict.reason()).contains("'Acme: hardened'");
    }

    @Test
    void anotherQualifierInTheStackFailsWithoutABuild() {
        ObservedToolkit other = with(upToDate("CREATE_COMPLETE"), ToolkitObserver.DEFAULT_VARIANT, "other1", 33, "33",
                List.of(PIPELINE), List.of(), List.of(POLICY));

        Verdict verdict = decide(other);

        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_QUALIFIER_MISMATCH);
        assertThat(verdict.reason()).contains("'other1'", "'hnb659fds'", "toolkit_stack_name");
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
    }

    @Test
    void aMissingSsmVersionIsDriftTheCliCannotRepair() {
        ObservedToolkit drifted = with(upToDate("UPDATE_COMPLETE"), ToolkitObserver.DEFAULT_VARIANT, "hnb659fds", 33,
                null, List.of(PIPELINE), List.of(), List.of(POLICY));

        Verdict verdict = decide(drifted);

        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_DRIFTED);
        assertThat(verdict.reason()).contains("/cdk-bootstrap/hnb659fds/version is missing",
                "aws ssm put-parameter --name /cdk-bootstrap/hnb659fds/version --type String --value 33");
    }

    @Test
    void anSsmVersionOtherThanTheStacksIsDrift() {
        ObservedToolkit drifted = with(upToDate("UPDATE_COMPLETE"), ToolkitObserver.DEFAULT_VARIANT, "hnb659fds", 33,
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
        ObservedToolkit legacy = with(upToDate("UPDATE_COMPLETE"), ToolkitObserver.DEFAULT_VARIANT, "hnb659fds", null,
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
        ObservedToolkit lookup = with(upToDate("UPDATE_COMPLETE"), ToolkitObserver.DEFAULT_VARIANT, "hnb659fds", 33, "33",
                List.of(PIPELINE), List.of("777777777777"), List.of(POLICY));

        Verdict verdict = decide(lookup);

        assertThat(verdict.code()).isEqualTo(ReasonCode.SETTINGS_DIFFER);
        assertThat(verdict.untrust()).containsExactly("777777777777");
    }

    @Test
    void lookupTrustOfATrustedAccountGrantsNothingMoreAndIsUpToDate() {
        ObservedToolkit lookup = with(upToDate("UPDATE_COMPLETE"), ToolkitObserver.DEFAULT_VARIANT, "hnb659fds", 33, "33",
                List.of(PIPELINE), List.of(PIPELINE), List.of(POLICY));

        Verdict verdict = decide(lookup);

        assertThat(verdict.code()).isEqualTo(ReasonCode.UP_TO_DATE);
        assertThat(verdict.untrust()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE",
            "IMPORT_ROLLBACK_COMPLETE"})
    void everyStableStatusWithThePlansSettingsIsUpToDate(String status) {
        Verdict verdict = decide(upToDate(status));

        assertThat(verdict.decision()).isEqualTo(Decision.SKIP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.UP_TO_DATE);
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.reason()).isEqualTo("up to date (version 33)");
    }

    @Test
    void theFirstMatchingRowWinsAVariantBeforeAQualifierBeforeDrift() {
        ObservedToolkit everythingWrong = with(upToDate("UPDATE_COMPLETE"), "Acme", "other1", 40, null,
                List.of(), List.of(), List.of());

        assertThat(decide(everythingWrong).code()).isEqualTo(ReasonCode.TOOLKIT_CUSTOM_VARIANT);
    }
}
