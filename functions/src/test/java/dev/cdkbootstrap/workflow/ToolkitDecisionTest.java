package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static dev.cdkbootstrap.workflow.Fixtures.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.workflow.ToolkitDecision.Verdict;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import java.util.List;
import java.util.Map;
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

    @Test
    void noStackIsMissingAndBootstrapped() {
        Verdict verdict = decide(ObservedToolkit.noStack());

        assertThat(verdict.decision()).isEqualTo(Decision.BOOTSTRAP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_MISSING);
        assertThat(verdict.reason()).isEqualTo("toolkit stack CDKToolkit not found");
    }

    @Test
    void noStackButItsRetainedStagingBucketIsALeftoverTheCreationWouldCollideWith() {
        ObservedToolkit deleted = ObservedToolkit.none(
                List.of("S3 bucket cdk-hnb659fds-assets-111111111111-eu-west-1"));

        Verdict verdict = decide(deleted);

        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_LEFTOVERS);
        assertThat(verdict.reason()).contains("not found but the CLI's creation would collide with S3 bucket",
                "aws s3 rb s3://cdk-hnb659fds-assets-111111111111-eu-west-1 --force");
    }

    @Test
    void noStackOfThisNameButTheQualifiersVersionParameterMeansAnotherStackHoldsIt() {
        ObservedToolkit other = new ObservedToolkit(null, null, "33", null, null, null, null, null, null, null, null, null, null, null,
                List.of("SSM parameter /cdk-bootstrap/hnb659fds/version (33)"));

        Verdict verdict = decide(other);

        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_LEFTOVERS);
        assertThat(verdict.reason()).contains("another toolkit stack holds qualifier 'hnb659fds'", "toolkit_stack_name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"REVIEW_IN_PROGRESS", "ROLLBACK_COMPLETE"})
    void aStackTheCliWouldCreateAgainIsCheckedForLeftoversToo(String status) {
        ObservedToolkit failed = new ObservedToolkit(status, null, null, null, null, null, null, null, null, null, null, null, null, null,
                List.of("S3 bucket cdk-hnb659fds-assets-111111111111-eu-west-1"));

        assertThat(decide(failed).code()).isEqualTo(ReasonCode.TOOLKIT_LEFTOVERS);
        assertThat(decide(failed).reason()).startsWith("toolkit stack CDKToolkit is " + status);
    }

    @Test
    void aStackWithoutVariantQualifierOrListParametersIsReadWithTheTemplatesDefaults() {
        ObservedToolkit bare = new ObservedToolkit("UPDATE_COMPLETE", 33, "33", null, null, null, null, null, null, null,
                false, Map.of(), null, null, null);

        Verdict verdict = decide(bare);

        assertThat(verdict.code()).isEqualTo(ReasonCode.SETTINGS_DIFFER);
        assertThat(verdict.findings()).containsExactly("trust differs: deployed [] wanted [" + PIPELINE + "]",
                "execution policies differ: deployed [] wanted [" + POLICY + "]");
    }

    @Test
    void aDriftedButOutdatedToolkitIsToldTheNextRunUpgradesIt() {
        ObservedToolkit drifted = Fixtures.withBasics(Fixtures.devUpToDate(), ToolkitObserver.DEFAULT_VARIANT, "hnb659fds", 30,
                null, List.of(PIPELINE), List.of(), List.of(POLICY));

        Verdict verdict = decide(drifted);

        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_DRIFTED);
        assertThat(verdict.reason()).contains("--value 30", "the next run then upgrades the outdated toolkit")
                .doesNotContain("would change nothing");
    }

    @Test
    void aStackInReviewIsTreatedAsMissing() {
        Verdict verdict = decide(Fixtures.devUpToDate("REVIEW_IN_PROGRESS"));

        assertThat(verdict.decision()).isEqualTo(Decision.BOOTSTRAP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_MISSING);
        assertThat(verdict.reason()).contains("REVIEW_IN_PROGRESS", "never executed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROLLBACK_COMPLETE", "ROLLBACK_FAILED"})
    void aFailedFirstCreationIsBootstrappedForTheCliToDeleteAndRecreate(String status) {
        Verdict verdict = decide(Fixtures.devUpToDate(status));

        assertThat(verdict.decision()).isEqualTo(Decision.BOOTSTRAP);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_FAILED_CREATE);
        assertThat(verdict.reason()).contains(status, "deletes and re-creates");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
            "UPDATE_ROLLBACK_IN_PROGRESS", "DELETE_IN_PROGRESS", "ROLLBACK_IN_PROGRESS", "IMPORT_IN_PROGRESS"})
    void anyOtherOperationInProgressIsWaitedFor(String status) {
        Verdict verdict = decide(Fixtures.devUpToDate(status));

        assertThat(verdict.decision()).isEqualTo(Decision.WAIT);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_BUSY);
        assertThat(verdict.reason()).contains(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE_FAILED", "UPDATE_ROLLBACK_FAILED", "IMPORT_ROLLBACK_FAILED", "CREATE_FAILED",
            "UPDATE_FAILED", "SOME_FUTURE_STATUS"})
    void aStackOnlyAPersonCanRepairFailsWithoutABuildAndSaysWhatToDo(String status) {
        Verdict verdict = decide(Fixtures.devUpToDate(status));

        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_NEEDS_OPERATOR);
        assertThat(verdict.reason()).contains(status).contains("then run again");
    }

    @Test
    void theRollbackThatFailedIsToBeContinuedByName() {
        assertThat(decide(Fixtures.devUpToDate("UPDATE_ROLLBACK_FAILED")).reason())
                .contains("aws cloudformation continue-update-rollback --stack-name CDKToolkit");
    }

    @Test
    void aCustomVariantIsNotOursToOverwrite() {
        ObservedToolkit custom = Fixtures.withBasics(Fixtures.devUpToDate("CREATE_COMPLETE"), "Acme: hardened", "hnb659fds", 33, "33",
                List.of(PIPELINE), List.of(), List.of(POLICY));

        Verdict verdict = decide(custom);

        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_CUSTOM_VARIANT);
        assertThat(verdict.reason()).contains("'Acme: hardened'");
    }

    @Test
    void anotherQualifierInTheStackFailsWithoutABuild() {
        ObservedToolkit other = Fixtures.withBasics(Fixtures.devUpToDate("CREATE_COMPLETE"), ToolkitObserver.DEFAULT_VARIANT, "other1", 33, "33",
                List.of(PIPELINE), List.of(), List.of(POLICY));

        Verdict verdict = decide(other);

        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_QUALIFIER_MISMATCH);
        assertThat(verdict.reason()).contains("'other1'", "'hnb659fds'", "toolkit_stack_name");
    }

    @Test
    void theFirstMatchingRowWinsAVariantBeforeAQualifierBeforeDrift() {
        ObservedToolkit everythingWrong = Fixtures.withBasics(Fixtures.devUpToDate(), "Acme", "other1", 40, null,
                List.of(), List.of(), List.of());

        assertThat(decide(everythingWrong).code()).isEqualTo(ReasonCode.TOOLKIT_CUSTOM_VARIANT);
    }
}
