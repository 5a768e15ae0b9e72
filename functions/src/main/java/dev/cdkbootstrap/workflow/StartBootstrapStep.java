package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.error.BuildThrottled;
import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.TargetState;
import dev.cdkbootstrap.workflow.port.BuildRunner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * Step 3. Starts the CodeBuild build that runs the target's bootstrap command. The environment
 * overrides carry names and ids only (the build's own role assumes the target role); the
 * idempotency token is derived from run and target, so a retried step gets the same build. When
 * CodeBuild refuses to start a build now (its queue is full, throttling), the state machine waits and
 * calls again, up to {@link WaitPolicy#startBound()}, then {@link BuildThrottled}. The deadline is
 * not set here: it starts when the build leaves CodeBuild's queue (CheckBootstrap).
 */
public final class StartBootstrapStep {
    private final BuildRunner builds;
    private final Settings settings;
    private final WaitPolicy waits;
    private final Clock clock;

    /**
     * @param permissionsBoundary the managed policy NAME the build passes as the boundary of every toolkit
     *                            role ({@code TOOLKIT_PERMISSIONS_BOUNDARY}); null or empty: none required (the
     *                            target's {@code permissions_boundary}, if any, is passed instead)
     */
    public record Settings(String projectName, String targetRoleName, String cdkVersion, String permissionsBoundary) {}

    public StartBootstrapStep(BuildRunner builds, Settings settings, WaitPolicy waits, Clock clock) {
        this.builds = builds;
        this.settings = settings;
        this.waits = waits;
        this.clock = clock;
    }

    public TargetState run(TargetState state) {
        Target target = state.item().target();
        String token = idempotencyToken(state.run().runId(), target);
        BuildInfo build;
        try {
            build = builds.start(settings.projectName(), environment(state), token);
        } catch (BuildThrottled refused) {
            Instant now = clock.instant();
            if (WaitPolicy.expired(state.waiting(), now, waits.startBound())) {
                throw new BuildThrottled("CodeBuild refused to start the build for " + target.id() + " for more than "
                        + waits.startBound().toMinutes() + " minutes: " + refused.getMessage(), refused);
            }
            return state.waitingFor(waits.start(state.waiting(), now, target.id()));
        }
        BuildInfo info = new BuildInfo(build.id(), build.status(), build.logsUrl(), null, null, build.runningSince());
        Instant deadline = build.runningSince() == null ? null : build.runningSince().plus(waits.deadline());
        return state.withBuild(info, deadline, null);
    }

    /** The CodeBuild environment overrides of docs/contracts.md ({@link BuildEnvironment}): never credentials. */
    Map<String, String> environment(TargetState state) {
        return BuildEnvironment.of(state.item().target(), state.untrust(), state.run(), settings.targetRoleName(),
                settings.cdkVersion(), settings.permissionsBoundary());
    }

    /** First 64 hex of sha256({@code runId|account|region}). */
    public static String idempotencyToken(String runId, Target target) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((runId + "|" + target.account() + "|" + target.region()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 64);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
