package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.RunRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TargetLockTest {
    private static final Duration LEASE = Duration.ofMinutes(100);
    private static final String KEY = "locks/111111111111-eu-west-1-CDKToolkit.json";
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final RunRef runA = new RunRef("run-a", false, "config-bucket", "runs/run-a/");
    private final RunRef runB = new RunRef("run-b", false, "config-bucket", "runs/run-b/");

    private TargetLock at(Instant now) {
        return new TargetLock(store, LEASE, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theFirstRunTakesTheLeaseAndTheSecondSeesWhoHoldsItUntilWhen() {
        assertThat(at(Fixtures.START).acquire(runA, Fixtures.devTarget()).acquired()).isTrue();

        TargetLock.Attempt second = at(Fixtures.START.plusSeconds(5)).acquire(runB, Fixtures.devTarget());

        assertThat(second.acquired()).isFalse();
        assertThat(second.holder().orElseThrow().runId()).isEqualTo("run-a");
        assertThat(second.holder().orElseThrow().expiresAt()).isEqualTo(Fixtures.START.plus(LEASE));
    }

    @Test
    void theHolderTakesItAgainWhenItsStepIsRetried() {
        at(Fixtures.START).acquire(runA, Fixtures.devTarget());

        assertThat(at(Fixtures.START.plusSeconds(60)).acquire(runA, Fixtures.devTarget()).acquired()).isTrue();
    }

    @Test
    void anExpiredLeaseIsTakenOver() {
        at(Fixtures.START).acquire(runA, Fixtures.devTarget());

        TargetLock.Attempt later = at(Fixtures.START.plus(LEASE).plusSeconds(1)).acquire(runB, Fixtures.devTarget());

        assertThat(later.acquired()).isTrue();
        assertThat(store.text("config-bucket", KEY)).get().asString().contains("\"runId\":\"run-b\"");
    }

    @Test
    void releaseDeletesOnlyTheHoldersLease() {
        at(Fixtures.START).acquire(runA, Fixtures.devTarget());

        at(Fixtures.START).release(runB, Fixtures.devTarget());
        assertThat(store.text("config-bucket", KEY)).isPresent();

        at(Fixtures.START).release(runA, Fixtures.devTarget());
        assertThat(store.text("config-bucket", KEY)).isEmpty();
        assertThat(at(Fixtures.START).acquire(runB, Fixtures.devTarget()).acquired()).isTrue();
    }

    @Test
    void releasingWithoutALeaseIsHarmless() {
        at(Fixtures.START).release(runA, Fixtures.devTarget());

        assertThat(store.keys()).isEmpty();
    }

    @Test
    void anUnreadableLeaseIsReplaced() {
        store.put("config-bucket", KEY, "not json");

        assertThat(at(Fixtures.START).acquire(runA, Fixtures.devTarget()).acquired()).isTrue();
    }

    @Test
    void whenTwoRunsRaceOnlyOneGetsTheLease() throws Exception {
        var results = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
        Thread a = Thread.ofVirtual().start(() -> {
            if (at(Fixtures.START).acquire(runA, Fixtures.devTarget()).acquired()) {
                results.add("a");
            }
        });
        Thread b = Thread.ofVirtual().start(() -> {
            if (at(Fixtures.START).acquire(runB, Fixtures.devTarget()).acquired()) {
                results.add("b");
            }
        });
        a.join();
        b.join();

        assertThat(results).hasSize(1);
    }
}
