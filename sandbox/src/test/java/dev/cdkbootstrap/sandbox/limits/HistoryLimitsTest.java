package dev.cdkbootstrap.sandbox.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * The history checks on recorded-shape histories. A real 25,000-event history takes moto 5.2.1 about
 * six minutes to write (~15 ms per event), too slow for a test: these histories have the shape of the
 * one AWS wrote for a Choice loop (Choice entered/exited pairs; docs/sandbox.md), and LimitsIT proves
 * the stop-and-report mechanism end to end against moto with a lower limit.
 */
class HistoryLimitsTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:m:run-1";

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final LimitNotices notices = new LimitNotices(new PrintStream(log, true, StandardCharsets.UTF_8));
    // moto is not reachable: the sandbox records the failure, cannot stop anything, and says so.
    private final ExecutionFailures failures = new ExecutionFailures(
            new Executions(new MotoForwarder(URI.create("http://127.0.0.1:9"))), new MotoForwarder(URI.create("http://127.0.0.1:9")));
    private final HistoryLimits limits = new HistoryLimits(failures, notices);

    @Test
    void aMachineThatEndsWithEvent25000IsWithinTheQuota() {
        List<HistoryEvent> events = choiceLoop(24_999);
        events.add(event(25_000, HistoryEventType.EXECUTION_SUCCEEDED));

        assertThat(HistoryLimits.overEventLimit(events, 25_000)).isFalse();
        assertThat(limits.check(ARN, events)).isFalse();
        assertThat(failures.failed(ARN)).isFalse();
    }

    @Test
    void aMachineThatWritesA25000thEventOfItsOwnFailsWithStatesRuntime() {
        List<HistoryEvent> events = choiceLoop(25_000);

        assertThat(HistoryLimits.overEventLimit(choiceLoop(24_999), 25_000)).as("still running, under the quota").isFalse();
        assertThat(HistoryLimits.overEventLimit(events, 25_000)).isTrue();
        assertThat(limits.check(ARN, events)).isTrue();
        assertThat(failures.failed(ARN)).isTrue();
        assertThat(limits.notices()).singleElement().asString().contains("States.Runtime").contains("25,000 events")
                .contains("could not stop");
        assertThat(limits.check(ARN, events)).as("reported once").isFalse();
    }

    @Test
    void anEventCarryingAnOutputOverTheLimitFailsTheExecutionNamingTheState() {
        List<HistoryEvent> events = choiceLoop(3);
        String big = "{\"blob\": \"" + "x".repeat(262_200) + "\"}";
        events.add(HistoryEvent.builder().id(4L).timestamp(Instant.now()).type(HistoryEventType.PASS_STATE_EXITED)
                .stateExitedEventDetails(d -> d.name("Loop").output(big)).build());

        assertThat(limits.check(ARN, events)).isTrue();
        assertThat(limits.notices()).singleElement().asString().contains("States.DataLimitExceeded")
                .contains("'Loop'").contains("262,211 bytes");
    }

    @Test
    void onlyNewEventsAreMeasured() {
        List<HistoryEvent> events = choiceLoop(10);
        assertThat(limits.check(ARN, events)).isFalse();
        String big = "\"" + "x".repeat(262_200) + "\"";
        // an old event changed afterwards is not measured again: each event is read once
        events.set(1, HistoryEvent.builder().id(2L).timestamp(Instant.now()).type(HistoryEventType.CHOICE_STATE_EXITED)
                .stateExitedEventDetails(d -> d.name("Loop").output(big)).build());

        assertThat(limits.check(ARN, events)).isFalse();
    }

    /** {@code n} events of a Choice state looping on itself, ids 1..n, the first ExecutionStarted. */
    private static List<HistoryEvent> choiceLoop(int n) {
        List<HistoryEvent> events = new ArrayList<>();
        events.add(HistoryEvent.builder().id(1L).timestamp(Instant.now()).type(HistoryEventType.EXECUTION_STARTED)
                .executionStartedEventDetails(d -> d.input("{\"spin\":true}")).build());
        for (long id = 2; id <= n; id++) {
            boolean entered = id % 2 == 0;
            HistoryEvent.Builder event = HistoryEvent.builder().id(id).previousEventId(id - 1).timestamp(Instant.now());
            events.add(entered
                    ? event.type(HistoryEventType.CHOICE_STATE_ENTERED).stateEnteredEventDetails(d -> d.name("Loop").input("{\"spin\":true}")).build()
                    : event.type(HistoryEventType.CHOICE_STATE_EXITED).stateExitedEventDetails(d -> d.name("Loop").output("{\"spin\":true}")).build());
        }
        return events;
    }

    private static HistoryEvent event(long id, HistoryEventType type) {
        return HistoryEvent.builder().id(id).previousEventId(id - 1).timestamp(Instant.now()).type(type).build();
    }
}
