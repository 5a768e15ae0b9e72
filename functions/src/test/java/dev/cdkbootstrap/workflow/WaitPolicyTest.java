package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.workflow.model.Waiting;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WaitPolicyTest {
    private static final Instant NOW = Fixtures.START;
    /** Step Functions' quota of events in one execution's history. */
    private static final int HISTORY_QUOTA = 25_000;

    @Test
    void everyLoopAtItsCapStillFitsTheHistoryQuota() {
        assertThat(WaitPolicy.WORST_CASE_EVENTS).isLessThanOrEqualTo(HISTORY_QUOTA);
    }

    /** The template's extremes: BuildPollSeconds 5..3600, BuildDeadlineMinutes 5..480. */
    @ParameterizedTest
    @CsvSource({"5,5", "5,480", "30,30", "3600,5", "3600,480"})
    void everyLoopCoversItsBoundWithinItsCapForEveryAllowedSetting(int pollSeconds, int deadlineMinutes) {
        WaitPolicy policy = new WaitPolicy(Duration.ofSeconds(pollSeconds), Duration.ofMinutes(deadlineMinutes));

        assertThat(rounds(policy.busy(null, NOW), policy.busyBound())).isLessThanOrEqualTo(WaitPolicy.MAX_BUSY_ROUNDS);
        assertThat(rounds(policy.start(null, NOW, "x"), policy.startBound())).isLessThanOrEqualTo(WaitPolicy.MAX_START_ROUNDS);
        assertThat(rounds(policy.build(null, NOW), policy.deadline().multipliedBy(2)))
                .isLessThanOrEqualTo(WaitPolicy.MAX_BUILD_ROUNDS);
        assertThat(rounds(policy.verify(null, NOW), policy.verifyBound())).isLessThanOrEqualTo(WaitPolicy.MAX_VERIFY_ROUNDS);
    }

    @Test
    void theConfiguredPollIsKeptWhenItFitsAndRaisedOnlyWhenItDoesNot() {
        assertThat(new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30)).build(null, NOW).seconds()).isEqualTo(30);
        // 2 x 480 min in 1,200 rounds needs 48 s
        assertThat(new WaitPolicy(Duration.ofSeconds(5), Duration.ofMinutes(480)).build(null, NOW).seconds()).isEqualTo(48);
    }

    @Test
    void aWaitKeepsWhenItBeganAndExpiresAfterItsBound() {
        WaitPolicy policy = new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30));
        Waiting first = policy.busy(null, NOW);
        Waiting later = policy.busy(first, NOW.plusSeconds(600));

        assertThat(later.since()).isEqualTo(NOW);
        assertThat(WaitPolicy.expired(later, NOW.plus(policy.busyBound()), policy.busyBound())).isFalse();
        assertThat(WaitPolicy.expired(later, NOW.plus(policy.busyBound()).plusSeconds(1), policy.busyBound())).isTrue();
        assertThat(WaitPolicy.expired(null, NOW, policy.busyBound())).isFalse();
    }

    @Test
    void aConfiguredBusyWaitReplacesTheLeaseLengthAsTheBusyBound() {
        assertThat(new WaitPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(1)).busyBound())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(new WaitPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ZERO).busyBound())
                .isEqualTo(Duration.ofMinutes(25));
    }

    @Test
    void refusedStartsOfDifferentTargetsAreSpreadButStableForOneTarget() {
        WaitPolicy policy = new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30));

        int a = policy.start(null, NOW, "111111111111/eu-west-1").seconds();
        assertThat(policy.start(null, NOW, "111111111111/eu-west-1").seconds()).isEqualTo(a);
        assertThat(a).isBetween(30, 45);
        assertThat(java.util.stream.IntStream.range(0, 20)
                .map(i -> policy.start(null, NOW, "22222222222" + i + "/eu-west-1").seconds()).distinct().count())
                .isGreaterThan(1);
    }

    private static long rounds(Waiting waiting, Duration bound) {
        return (bound.toSeconds() + waiting.seconds() - 1) / waiting.seconds();
    }
}
