package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.workflow.error.BuildThrottled;
import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.TargetState;
import dev.cdkbootstrap.workflow.port.BuildRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Step 4, called after each wait until the build ends. Reports the build's state, its first failed
 * phase and its logs link. A queued build is not a slow build: the deadline starts when it leaves
 * CodeBuild's queue; one still queued a deadline (plus a margin) after this step first looked is
 * stopped, like one still running past its deadline, and reported TIMED_OUT. A throttled status
 * read or stop is tried again on the next round (the build keeps running meanwhile).
 */
public final class CheckBootstrapStep {
    private static final Duration QUEUE_MARGIN = Duration.ofMinutes(5);

    private final BuildRunner builds;
    private final WaitPolicy waits;
    private final Clock clock;

    public CheckBootstrapStep(BuildRunner builds, WaitPolicy waits, Clock clock) {
        this.builds = builds;
        this.waits = waits;
        this.clock = clock;
    }

    public TargetState run(TargetState state) {
        BuildInfo known = state.build();
        if (known == null || known.id() == null) {
            throw new IllegalArgumentException("CheckBootstrap input has no build id for " + state.item().target().id());
        }
        Instant now = clock.instant();
        BuildInfo view;
        try {
            view = builds.get(known.id());
        } catch (BuildThrottled throttled) {
            return state.withBuild(known, state.deadline(), waits.build(state.waiting(), now));
        }
        String logsUrl = view.logsUrl() != null ? view.logsUrl() : known.logsUrl();
        Instant runningSince = view.runningSince() != null ? view.runningSince() : known.runningSince();
        Instant deadline = state.deadline() != null ? state.deadline()
                : runningSince == null ? null : runningSince.plus(waits.deadline());
        if (view.status().ended()) {
            Instant endedAt = view.endedAt() != null ? view.endedAt() : now;
            return state.withBuild(new BuildInfo(view.id(), view.status(), logsUrl, view.failedPhase(), endedAt,
                    runningSince), deadline, null);
        }
        boolean ranTooLong = deadline != null && now.isAfter(deadline);
        boolean queuedTooLong = runningSince == null
                && WaitPolicy.expired(state.waiting(), now, waits.deadline().plus(QUEUE_MARGIN));
        if (ranTooLong || queuedTooLong) {
            try {
                builds.stop(view.id());
            } catch (BuildThrottled throttled) {
                return state.withBuild(known, deadline, waits.build(state.waiting(), now));
            }
            String phase = ranTooLong ? view.failedPhase() : "QUEUED";
            return state.withBuild(new BuildInfo(view.id(), BuildStatus.TIMED_OUT, logsUrl, phase, now, runningSince),
                    deadline, null);
        }
        return state.withBuild(new BuildInfo(view.id(), BuildStatus.IN_PROGRESS, logsUrl, null, null, runningSince),
                deadline, waits.build(state.waiting(), now));
    }
}
