package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.workflow.model.Waiting;
import java.time.Duration;
import java.time.Instant;

/**
 * How long and how often a target waits, for every setting the template allows (BuildPollSeconds
 * 5-3600, BuildDeadlineMinutes 5-480), so that a target's child execution stays inside Step Functions'
 * 25,000-event history quota. Each wait loop is Task + Choice + Wait = 9 history events per round; the
 * rounds of each loop are capped below, and the caps add up to at most {@link #WORST_CASE_EVENTS}
 * (docs/workflow.md, "Waiting inside the history quota"). An interval is the configured poll interval,
 * raised only when the loop's bound would otherwise need more rounds than its cap.
 *
 * @param poll     BuildPollSeconds: the shortest interval between two looks
 * @param deadline BuildDeadlineMinutes: how long a build may run once it left the queue; also how long
 *                 it may sit in CodeBuild's queue (the project's QueuedTimeoutInMinutes) and how long
 *                 CodeBuild may refuse to start it
 * @param busyWait ToolkitBusyWaitMinutes: how long a target waits for a busy toolkit; zero for
 *                 {@link #lease()}, as long as another run's lease can last (shorter risks failing a
 *                 target that another run is bootstrapping)
 */
public record WaitPolicy(Duration poll, Duration deadline, Duration busyWait) {

    /** The default busy wait: as long as a lease can last. */
    public WaitPolicy(Duration poll, Duration deadline) {
        this(poll, deadline, Duration.ZERO);
    }

    /** History events of one round of a wait loop: Task (5) + Choice (2) + Wait (2). */
    public static final int EVENTS_PER_ROUND = 9;
    public static final int MAX_BUSY_ROUNDS = 800;
    public static final int MAX_START_ROUNDS = 300;
    public static final int MAX_BUILD_ROUNDS = 1_200;
    public static final int MAX_VERIFY_ROUNDS = 60;
    /** Every loop at its cap, plus 1,000 events for the straight path, retries and Catch. */
    public static final int WORST_CASE_EVENTS = EVENTS_PER_ROUND
            * (MAX_BUSY_ROUNDS + MAX_START_ROUNDS + MAX_BUILD_ROUNDS + MAX_VERIFY_ROUNDS) + 1_000;
    private static final Duration LEASE_MARGIN = Duration.ofMinutes(10);
    private static final Duration VERIFY_BOUND = Duration.ofMinutes(15);

    /**
     * How long another run may hold a target's lock, and so how long a target waits for a busy toolkit:
     * refused starts + queue + run (three deadlines) and a margin for verification.
     */
    public Duration lease() {
        return deadline.multipliedBy(3).plus(LEASE_MARGIN);
    }

    /** Busy toolkit (an operation in progress, or another run's lock): bounded by {@link #busyBound()}. */
    public Waiting busy(Waiting current, Instant now) {
        return next(current, now, busyBound(), MAX_BUSY_ROUNDS);
    }

    /**
     * CodeBuild refuses to start the build now: bounded by one deadline. {@code spread} (e.g. the target's
     * id) adds up to half an interval, the same for a target each round, so that targets refused at the
     * same moment do not all ask again at the same moment.
     */
    public Waiting start(Waiting current, Instant now, String spread) {
        Waiting base = next(current, now, deadline, MAX_START_ROUNDS);
        int extra = Math.floorMod(spread.hashCode(), Math.max(1, base.seconds() / 2 + 1));
        return new Waiting(base.since(), base.seconds() + extra);
    }

    /** A build in the queue or running: queue and run, two deadlines. */
    public Waiting build(Waiting current, Instant now) {
        return next(current, now, deadline.multipliedBy(2), MAX_BUILD_ROUNDS);
    }

    /** The toolkit is busy right after our build (someone else's operation). */
    public Waiting verify(Waiting current, Instant now) {
        return next(current, now, VERIFY_BOUND, MAX_VERIFY_ROUNDS);
    }

    /** True when a wait that began at {@code current.since()} has lasted longer than {@code bound}. */
    public static boolean expired(Waiting current, Instant now, Duration bound) {
        return current != null && current.since() != null && Duration.between(current.since(), now).compareTo(bound) > 0;
    }

    public Duration busyBound() {
        return busyWait.isZero() || busyWait.isNegative() ? lease() : busyWait;
    }

    public Duration startBound() {
        return deadline;
    }

    public Duration verifyBound() {
        return VERIFY_BOUND;
    }

    /** The interval so that {@code bound} is covered in at most {@code rounds} rounds, never below poll. */
    static int seconds(Duration poll, Duration bound, int rounds) {
        long needed = (bound.toSeconds() + rounds - 1) / rounds;
        return (int) Math.max(poll.toSeconds(), needed);
    }

    private Waiting next(Waiting current, Instant now, Duration bound, int rounds) {
        Instant since = current != null && current.since() != null ? current.since() : now;
        return new Waiting(since, seconds(poll, bound, rounds));
    }
}
