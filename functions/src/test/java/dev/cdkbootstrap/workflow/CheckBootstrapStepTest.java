package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.workflow.inmemory.InMemoryBuilds;
import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckBootstrapStepTest {
    private static final Instant START = Fixtures.START;
    private static final WaitPolicy WAITS = new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30));
    private final InMemoryBuilds builds = new InMemoryBuilds();

    private TargetState started() {
        var view = builds.start("p", Map.of(), "token-" + builds.builds.size());
        return Fixtures.decided(false, Decision.BOOTSTRAP, ReasonCode.TOOLKIT_MISSING, "not found")
                .withBuild(new BuildInfo(view.id(), BuildStatus.IN_PROGRESS, "https://logs/x", null, null,
                        view.runningSince()), view.runningSince() == null ? null
                        : view.runningSince().plus(WAITS.deadline()), null);
    }

    private TargetState checkAt(Instant now, TargetState state) {
        return new CheckBootstrapStep(builds, WAITS, Clock.fixed(now, ZoneOffset.UTC)).run(state);
    }

    @Test
    void aRunningBuildStaysInProgressAndAsksForAnotherLook() {
        TargetState result = checkAt(START.plusSeconds(60), started());

        assertThat(result.build().status()).isEqualTo(BuildStatus.IN_PROGRESS);
        assertThat(result.build().endedAt()).isNull();
        assertThat(result.waiting().seconds()).isEqualTo(30);
    }

    @Test
    void aFailedBuildReportsItsFailedPhaseAndEndAndStopsWaiting() {
        TargetState state = started();
        builds.finish(state.build().id(), BuildStatus.FAILED, "BUILD", START.plusSeconds(90));

        TargetState result = checkAt(START.plusSeconds(120), state);

        assertThat(result.build().status()).isEqualTo(BuildStatus.FAILED);
        assertThat(result.build().failedPhase()).isEqualTo("BUILD");
        assertThat(result.build().endedAt()).isEqualTo(START.plusSeconds(90));
        assertThat(result.build().logsUrl()).isEqualTo("https://logs/" + state.build().id());
        assertThat(result.waiting()).isNull();
    }

    @Test
    void aSucceededBuildIsSucceeded() {
        TargetState state = started();
        builds.finish(state.build().id(), BuildStatus.SUCCEEDED, null, START.plusSeconds(90));

        assertThat(checkAt(START.plusSeconds(120), state).build().status()).isEqualTo(BuildStatus.SUCCEEDED);
    }

    @Test
    void pastTheDeadlineARunningBuildIsStoppedAndTimedOut() {
        TargetState state = started();
        Instant late = START.plus(Duration.ofMinutes(31));

        TargetState result = checkAt(late, state);

        assertThat(result.build().status()).isEqualTo(BuildStatus.TIMED_OUT);
        assertThat(result.build().endedAt()).isEqualTo(late);
        assertThat(builds.get(state.build().id()).status()).isEqualTo(BuildStatus.STOPPED);
    }

    @Test
    void aQueuedBuildIsNotASlowBuildItsDeadlineStartsWhenItRuns() {
        builds.concurrentLimit = 1;
        TargetState first = started();
        TargetState queued = started();
        assertThat(queued.build().runningSince()).isNull();

        TargetState stillQueued = checkAt(START.plus(Duration.ofMinutes(25)), checkAt(START, queued));
        assertThat(stillQueued.build().status()).isEqualTo(BuildStatus.IN_PROGRESS);
        assertThat(stillQueued.deadline()).isNull();

        Instant runs = START.plus(Duration.ofMinutes(25));
        builds.finish(first.build().id(), BuildStatus.SUCCEEDED, null, runs);
        // 50 minutes after it was started, 25 of them queued: within the 30-minute deadline of running
        TargetState running = checkAt(START.plus(Duration.ofMinutes(50)), stillQueued);

        assertThat(running.build().status()).isEqualTo(BuildStatus.IN_PROGRESS);
        assertThat(running.build().runningSince()).isEqualTo(runs);
        assertThat(running.deadline()).isEqualTo(runs.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aBuildQueuedPastItsQueueTimeoutIsStopped() {
        builds.concurrentLimit = 0;
        TargetState firstLook = checkAt(START, started());

        TargetState result = checkAt(START.plus(Duration.ofMinutes(36)), firstLook);

        assertThat(result.build().status()).isEqualTo(BuildStatus.TIMED_OUT);
        assertThat(result.build().failedPhase()).isEqualTo("QUEUED");
    }

    @Test
    void aThrottledStatusReadIsTriedAgainNextRound() {
        TargetState state = started();
        builds.throttledReads = 1;

        TargetState result = checkAt(START.plusSeconds(30), state);

        assertThat(result.build()).isEqualTo(state.build());
        assertThat(result.waiting()).isNotNull();
    }
}
