package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.workflow.inmemory.InMemoryBuilds;
import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckBootstrapStepTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private final InMemoryBuilds builds = new InMemoryBuilds();
    private final String buildId = builds.start("p", Map.of(), "token").id();
    private final TargetState started = Fixtures.state(Fixtures.devTarget(), false)
            .withDecision(START, Decision.BOOTSTRAP, "not found")
            .withBuild(new BuildInfo(buildId, BuildStatus.IN_PROGRESS, "https://logs/x", null, null),
                    START.plus(Duration.ofMinutes(30)));

    private TargetState checkAt(Instant now) {
        return new CheckBootstrapStep(builds, Clock.fixed(now, ZoneOffset.UTC)).run(started);
    }

    @Test
    void aRunningBuildStaysInProgress() {
        TargetState result = checkAt(START.plusSeconds(60));

        assertThat(result.build().status()).isEqualTo(BuildStatus.IN_PROGRESS);
        assertThat(result.build().endedAt()).isNull();
    }

    @Test
    void aFailedBuildReportsItsFailedPhaseAndEnd() {
        builds.finish(buildId, BuildStatus.FAILED, "BUILD", START.plusSeconds(90));

        TargetState result = checkAt(START.plusSeconds(120));

        assertThat(result.build().status()).isEqualTo(BuildStatus.FAILED);
        assertThat(result.build().failedPhase()).isEqualTo("BUILD");
        assertThat(result.build().endedAt()).isEqualTo(START.plusSeconds(90));
        assertThat(result.build().logsUrl()).isEqualTo("https://logs/" + buildId);
    }

    @Test
    void aSucceededBuildIsSucceeded() {
        builds.finish(buildId, BuildStatus.SUCCEEDED, null, START.plusSeconds(90));

        assertThat(checkAt(START.plusSeconds(120)).build().status()).isEqualTo(BuildStatus.SUCCEEDED);
    }

    @Test
    void pastTheDeadlineARunningBuildIsStoppedAndTimedOut() {
        Instant late = START.plus(Duration.ofMinutes(31));

        TargetState result = checkAt(late);

        assertThat(result.build().status()).isEqualTo(BuildStatus.TIMED_OUT);
        assertThat(result.build().endedAt()).isEqualTo(late);
        assertThat(builds.get(buildId).status()).isEqualTo(BuildStatus.STOPPED);
    }
}
