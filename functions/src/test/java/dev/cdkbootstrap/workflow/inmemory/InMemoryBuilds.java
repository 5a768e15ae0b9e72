package dev.cdkbootstrap.workflow.inmemory;

import dev.cdkbootstrap.workflow.error.BuildThrottled;
import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.port.BuildRunner;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CodeBuild project as CodeBuild runs it: one build per idempotency token; at most
 * {@code concurrentLimit} builds running, further ones queued (runningSince null) up to {@code queueLimit},
 * beyond that StartBuild is refused ({@link BuildThrottled}); when a build ends, the oldest queued one
 * starts running. {@code now} is the time builds are stamped with.
 */
public final class InMemoryBuilds implements BuildRunner {
    private final Map<String, String> byToken = new HashMap<>();
    public final Map<String, BuildInfo> builds = new LinkedHashMap<>();
    public final Map<String, Map<String, String>> environments = new HashMap<>();
    public int concurrentLimit = Integer.MAX_VALUE;
    public int queueLimit = Integer.MAX_VALUE;
    public int throttledReads;
    public Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Override
    public BuildInfo start(String projectName, Map<String, String> environment, String idempotencyToken) {
        String existing = byToken.get(idempotencyToken);
        if (existing != null) {
            return builds.get(existing);
        }
        long running = count(true);
        if (running >= concurrentLimit && count(false) >= queueLimit) {
            throw new BuildThrottled("AccountLimitExceededException: the build queue is full");
        }
        String id = projectName + ":build-" + (builds.size() + 1);
        BuildInfo build = new BuildInfo(id, BuildStatus.IN_PROGRESS, "https://logs/" + id, null, null,
                running < concurrentLimit ? now : null);
        byToken.put(idempotencyToken, id);
        builds.put(id, build);
        environments.put(id, Map.copyOf(environment));
        return build;
    }

    /** Ends a build (an unknown id is a build an earlier invocation started); the oldest queued one starts. */
    public void finish(String id, BuildStatus status, String failedPhase, Instant endedAt) {
        BuildInfo build = builds.get(id);
        String logsUrl = build != null ? build.logsUrl() : "https://logs/" + id;
        Instant runningSince = build != null ? build.runningSince() : null;
        builds.put(id, new BuildInfo(id, status, logsUrl, failedPhase, endedAt, runningSince));
        builds.values().stream().filter(b -> b.status() == BuildStatus.IN_PROGRESS && b.runningSince() == null)
                .findFirst().ifPresent(queued -> builds.put(queued.id(), new BuildInfo(queued.id(), queued.status(),
                        queued.logsUrl(), null, null, endedAt != null ? endedAt : now)));
    }

    @Override
    public BuildInfo get(String buildId) {
        if (throttledReads > 0) {
            throttledReads--;
            throw new BuildThrottled("ThrottlingException: Rate exceeded");
        }
        return builds.get(buildId);
    }

    @Override
    public void stop(String buildId) {
        finish(buildId, BuildStatus.STOPPED, null, now);
    }

    private long count(boolean running) {
        return builds.values().stream().filter(b -> b.status() == BuildStatus.IN_PROGRESS)
                .filter(b -> (b.runningSince() != null) == running).count();
    }
}
