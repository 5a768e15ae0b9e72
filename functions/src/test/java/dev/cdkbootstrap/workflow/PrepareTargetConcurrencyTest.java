package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static dev.cdkbootstrap.workflow.Fixtures.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.inmemory.InMemoryTargets;
import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.RunRef;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetResult;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two runs at one target, step by step (docs/workflow.md, "Concurrency"): a run decides only from an
 * observation made while it holds the target's lease, so another run's build in the middle of creating
 * the toolkit never fails or skips it; and what someone without a lease does between two reads of one
 * observation does not fail it either.
 */
class PrepareTargetConcurrencyTest {
    private static final Instant NOW = Fixtures.START;
    private static final WaitPolicy WAITS = new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30));
    private static final String BUCKET = "cdk-hnb659fds-assets-111111111111-eu-west-1";
    private static final RunRef A = new RunRef("run-a", false, "config-bucket", "runs/run-a/");
    private static final RunRef B = new RunRef("run-b", false, "config-bucket", "runs/run-b/");
    private final InMemoryTargets targets = new InMemoryTargets();
    private final InMemoryTargets.Account dev = targets.account(DEV);
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final List<String> policies = List.of(Fixtures.policyArn(DEV, "eu-west-1"));

    private TargetState prepare(TargetState state, long atSecond) {
        Clock clock = Clock.fixed(NOW.plusSeconds(atSecond), ZoneOffset.UTC);
        return new PrepareTargetStep(targets, new TargetLock(store, WAITS.lease(), clock), WAITS,
                ToolkitRequirements.pinned(33), null, clock).run(state);
    }

    private TargetResult verifyAndRecord(TargetState built, long atSecond) {
        Clock clock = Clock.fixed(NOW.plusSeconds(atSecond), ZoneOffset.UTC);
        TargetState verified = new VerifyTargetStep(targets, WAITS, ToolkitRequirements.pinned(33), clock).run(built);
        return record(verified, atSecond);
    }

    private TargetResult record(TargetState state, long atSecond) {
        Clock clock = Clock.fixed(NOW.plusSeconds(atSecond), ZoneOffset.UTC);
        return new RecordResultStep(store, new TargetLock(store, WAITS.lease(), clock), clock).run(state);
    }

    private static TargetState start(RunRef run) {
        return start(run, Fixtures.POLICY_DOC);
    }

    private static TargetState start(RunRef run, String policyDocument) {
        return TargetState.of(run, new TargetItem(Fixtures.devTarget(), Map.of(Fixtures.POLICY_FILE, policyDocument)));
    }

    private static TargetState succeeded(TargetState prepared) {
        return prepared.withBuild(new BuildInfo("p:a", BuildStatus.SUCCEEDED, null, null, NOW.plusSeconds(15), NOW), null,
                null);
    }

    /** The CI failure of DoubleUploadE2E, replayed: run B looked while run A's build was executing its change set. */
    @Test
    void aRunThatLooksWhileAnotherRunCreatesTheToolkitWaitsAndThenSkipsIt() {
        TargetState a = prepare(start(A), 0);
        assertThat(a.decision()).isEqualTo(Decision.BOOTSTRAP);
        TargetState b = prepare(start(B), 1);
        assertThat(b.decision()).isEqualTo(Decision.WAIT);
        // A's `cdk bootstrap` executes its change set: the stack still says REVIEW_IN_PROGRESS while its
        // bucket and version parameter appear (moto answers this for seconds; in AWS a read spread over it)
        dev.toolkit("REVIEW_IN_PROGRESS", List.of(PIPELINE), policies, 33, "33");
        dev.buckets.add(BUCKET);

        b = prepare(b, 10);

        assertThat(b.decision()).as(b.reason()).isEqualTo(Decision.WAIT);
        assertThat(b.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_BUSY);
        assertThat(b.reason()).startsWith("run run-a holds the lease of 111111111111/eu-west-1");

        dev.toolkit("CREATE_COMPLETE", List.of(PIPELINE), policies, 33, "33");
        assertThat(verifyAndRecord(succeeded(a), 16).outcome()).isEqualTo(Outcome.BOOTSTRAPPED);
        b = prepare(b, 20);

        assertThat(b.decision()).isEqualTo(Decision.SKIP);
        TargetResult skipped = record(b, 21);
        assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(skipped.durationSeconds()).as("it waited for run A").isEqualTo(20);
        assertThat(store.keys()).noneMatch(key -> key.startsWith("locks/"));
    }

    /** Whatever a read shows while run A holds the lease, run B waits: no FAIL, no SKIP, no second build. */
    @ParameterizedTest
    @ValueSource(strings = {"no stack yet", "change set being created", "change set executing", "CREATE_IN_PROGRESS",
            "built, run A still verifying", "creation failed, run A still verifying"})
    void aTargetLeasedByAnotherRunWaitsWhateverItsToolkitLooksLike(String moment) {
        prepare(start(A), 0);
        switch (moment) {
            case "no stack yet" -> { }
            case "change set being created" -> dev.toolkit("REVIEW_IN_PROGRESS", List.of(PIPELINE), policies, 33, null);
            case "change set executing" -> {
                dev.toolkit("REVIEW_IN_PROGRESS", List.of(PIPELINE), policies, 33, "33");
                dev.buckets.add(BUCKET);
            }
            case "CREATE_IN_PROGRESS" -> dev.toolkit("CREATE_IN_PROGRESS", List.of(PIPELINE), policies, 33, "33");
            case "built, run A still verifying" -> dev.toolkit("CREATE_COMPLETE", List.of(PIPELINE), policies, 33, "33");
            case "creation failed, run A still verifying" -> {
                dev.toolkit("ROLLBACK_COMPLETE", List.of(PIPELINE), policies, 33, null);
                dev.buckets.add(BUCKET);
            }
            default -> throw new IllegalArgumentException(moment);
        }
        int policyWrites = dev.policies.writes;

        TargetState b = prepare(start(B, Fixtures.POLICY_DOC.replace("s3:*", "s3:Get*")), 5); // a newer upload's document

        assertThat(b.decision()).as(b.reason()).isEqualTo(Decision.WAIT);
        assertThat(b.reason()).startsWith("run run-a holds the lease");
        assertThat(dev.policies.writes).as("a leased target is not touched").isEqualTo(policyWrites);
    }

    /** Run A finishes while run B reads the toolkit: B neither fails from the torn read nor builds from the stale one. */
    @Test
    void aLeaseGivenBackWhileAnotherRunLooksMakesItLookAgainUnderTheLease() {
        TargetState a = prepare(start(A), 0);
        dev.toolkit("REVIEW_IN_PROGRESS", List.of(PIPELINE), policies, 33, null); // A's change set, not yet executed
        dev.afterNextStackRead = () -> { // ...and now A's build ends and A gives the lease back
            dev.toolkit("CREATE_COMPLETE", List.of(PIPELINE), policies, 33, "33");
            verifyAndRecord(succeeded(a), 3);
        };

        TargetState b = prepare(start(B), 2);
        if (b.decision() == Decision.WAIT) {
            b = prepare(b, 30);
        }

        assertThat(b.decision()).as(b.reason()).isEqualTo(Decision.SKIP);
        assertThat(b.reasonCode()).isEqualTo(ReasonCode.UP_TO_DATE);
    }

    /** Someone without a lease executes a creation between the stack read and the leftover reads of one look. */
    @Test
    void leftoversThatAppearWhileSomeoneElseCreatesTheStackAreABusyToolkit() {
        dev.toolkit("REVIEW_IN_PROGRESS", List.of(PIPELINE), policies, 33, null);
        dev.afterNextStackRead = () -> {
            dev.toolkit("CREATE_IN_PROGRESS", List.of(PIPELINE), policies, 33, "33");
            dev.buckets.add(BUCKET);
        };

        TargetState b = prepare(start(B), 0);

        assertThat(b.decision()).as(b.reason()).isEqualTo(Decision.WAIT);
        assertThat(b.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_BUSY);
        assertThat(b.reason()).startsWith("toolkit stack CDKToolkit is CREATE_IN_PROGRESS");
    }

    /** A stack left in review beside another toolkit's bucket and version parameter is a leftover, not a busy toolkit. */
    @Test
    void leftoversFoundTwiceBesideAStackInReviewFailTheTargetAtOnce() {
        dev.toolkit("REVIEW_IN_PROGRESS", List.of(PIPELINE), policies, 33, "33");
        dev.buckets.add(BUCKET);

        TargetState b = prepare(start(B), 0);

        assertThat(b.decision()).isEqualTo(Decision.FAIL);
        assertThat(b.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_LEFTOVERS);
        assertThat(b.reason()).startsWith("toolkit stack CDKToolkit is REVIEW_IN_PROGRESS but the CLI's creation would"
                + " collide with S3 bucket " + BUCKET + " and SSM parameter /cdk-bootstrap/hnb659fds/version (33)");
        assertThat(b.waiting()).isNull();
    }
}
