package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.TargetState;
import dev.cdkbootstrap.workflow.port.BuildRunner;
import java.time.Clock;
import java.time.Instant;

/**
 * Step 4, polled. Reports the build's state, its first failed phase and its logs link; past the
 * run's deadline it stops a build still running and reports TIMED_OUT.
 */
public final class CheckBootstrapStep {
    private final BuildRunner builds;
    private final Clock clock;

    public CheckBootstrapStep(BuildRunner builds, Clock clock) {
        this.builds = builds;
        this.clock = clock;
    }

    public TargetState run(TargetState state) {
        if (state.build() == null || state.build().id() == null) {
            throw new IllegalArgumentException("CheckBootstrap input has no build id for "
                    + state.item().target().id());
        }
        BuildRunner.BuildView view = builds.get(state.build().id());
        String logsUrl = view.logsUrl() != null ? view.logsUrl() : state.build().logsUrl();
        Instant now = clock.instant();
        if (view.status() == BuildStatus.IN_PROGRESS && state.deadline() != null && now.isAfter(state.deadline())) {
            builds.stop(view.id());
            return state.withBuild(new BuildInfo(view.id(), BuildStatus.TIMED_OUT, logsUrl, view.failedPhase(), now));
        }
        Instant endedAt = view.status().ended() ? (view.endedAt() != null ? view.endedAt() : now) : null;
        return state.withBuild(new BuildInfo(view.id(), view.status(), logsUrl, view.failedPhase(), endedAt));
    }
}
