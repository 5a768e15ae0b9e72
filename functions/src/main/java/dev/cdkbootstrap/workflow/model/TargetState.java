package dev.cdkbootstrap.workflow.model;

import java.time.Instant;

/**
 * The state of one target as it moves through the Map iteration; each step returns a copy with its
 * own fields filled in. {@code error} is set by a Catch.
 */
public record TargetState(
        RunRef run,
        TargetItem item,
        Instant startedAt,
        Decision decision,
        String reason,
        BuildInfo build,
        Instant deadline,
        StepError error) {

    public static TargetState of(RunRef run, TargetItem item) {
        return new TargetState(run, item, null, null, null, null, null, null);
    }

    public TargetState withDecision(Instant started, Decision newDecision, String newReason) {
        return new TargetState(run, item, started, newDecision, newReason, build, deadline, error);
    }

    public TargetState withBuild(BuildInfo newBuild, Instant newDeadline) {
        return new TargetState(run, item, startedAt, decision, reason, newBuild, newDeadline, error);
    }

    public TargetState withBuild(BuildInfo newBuild) {
        return withBuild(newBuild, deadline);
    }
}
