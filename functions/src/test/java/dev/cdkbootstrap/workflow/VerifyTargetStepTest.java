package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static dev.cdkbootstrap.workflow.Fixtures.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.workflow.inmemory.InMemoryTargets;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifyTargetStepTest {
    private static final WaitPolicy WAITS = new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30));
    private final InMemoryTargets targets = new InMemoryTargets();
    private final InMemoryTargets.Account dev = targets.account(DEV);
    private final String policyArn = Fixtures.policyArn(DEV, "eu-west-1");
    private final TargetState built = Fixtures.decided(false, Decision.BOOTSTRAP, ReasonCode.TOOLKIT_MISSING,
            "toolkit stack CDKToolkit not found");

    private TargetState verifyAt(Instant now, TargetState state) {
        return new VerifyTargetStep(targets, WAITS, ToolkitRequirements.pinned(33), Clock.fixed(now, ZoneOffset.UTC)).run(state);
    }

    @Test
    void aToolkitThatMatchesThePlanHasConverged() {
        dev.toolkit("CREATE_COMPLETE", List.of(PIPELINE), List.of(policyArn), 33, "33");

        TargetState result = verifyAt(Fixtures.START, built);

        assertThat(result.verification().converged()).isTrue();
        assertThat(result.observed().stackStatus()).isEqualTo("CREATE_COMPLETE");
        assertThat(result.decision()).isEqualTo(Decision.BOOTSTRAP);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_MISSING);
    }

    @Test
    void aConvergedVerificationSaysWhatTheBuildDidComparedWithPrepareTargetsObservation() {
        dev.toolkit("UPDATE_COMPLETE", List.of(PIPELINE), List.of(policyArn), 33, "33");
        TargetState outdated = built.withDecision(Fixtures.START, Decision.BOOTSTRAP, ReasonCode.TOOLKIT_OUTDATED,
                "toolkit version 30 < pinned 33", List.of(), Fixtures.observed("UPDATE_COMPLETE", List.of(PIPELINE),
                        List.of(policyArn), 30));

        assertThat(verifyAt(Fixtures.START, outdated).verification().done()).containsExactly("updated from version 30 to 33");
    }

    @Test
    void aBuildThatChangedNothingHasNotConvergedAndSaysWhatDiffers() {
        dev.toolkit("UPDATE_COMPLETE", List.of("999999999990"), List.of(policyArn), 33, "33");

        TargetState result = verifyAt(Fixtures.START, built);

        assertThat(result.verification().converged()).isFalse();
        assertThat(result.verification().differences())
                .containsExactly("trust differs: deployed [999999999990] wanted [" + PIPELINE + "]");
    }

    @Test
    void aStillMissingSsmVersionHasNotConverged() {
        dev.toolkit("UPDATE_COMPLETE", List.of(PIPELINE), List.of(policyArn), 33, null);

        assertThat(verifyAt(Fixtures.START, built).verification().differences().get(0))
                .contains("/cdk-bootstrap/hnb659fds/version is missing");
    }

    @Test
    void aCustomVariantLeftInPlaceHasNotConverged() {
        dev.toolkit("CDKToolkit", "UPDATE_COMPLETE", Map.of("TrustedAccounts", PIPELINE,
                "CloudFormationExecutionPolicies", policyArn, "BootstrapVariant", "Acme"), 33, "33");

        assertThat(verifyAt(Fixtures.START, built).verification().converged()).isFalse();
    }

    @Test
    void aStackBusyRightAfterTheBuildIsWaitedForThenJudged() {
        dev.toolkit("UPDATE_IN_PROGRESS", List.of(PIPELINE), List.of(policyArn), 33, "33");

        TargetState waiting = verifyAt(Fixtures.START, built);
        assertThat(waiting.waiting()).isNotNull();
        assertThat(waiting.verification()).isNull();
        assertThat(waiting.observed()).as("the observation before the build, to judge what it did").isNull();

        TargetState gaveUp = verifyAt(Fixtures.START.plus(WAITS.verifyBound()).plusSeconds(1), waiting);
        assertThat(gaveUp.waiting()).isNull();
        assertThat(gaveUp.verification().converged()).isFalse();
        assertThat(gaveUp.verification().differences().get(0)).contains("UPDATE_IN_PROGRESS");
    }
}
