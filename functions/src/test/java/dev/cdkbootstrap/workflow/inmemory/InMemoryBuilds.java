package dev.cdkbootstrap.workflow.inmemory;

import dev.cdkbootstrap.workflow.error.BuildThrottled;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.port.BuildRunner;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A CodeBuild project: one build per idempotency token, a concurrent-build limit, settable outcomes. */
public final class InMemoryBuilds implements BuildRunner {
    private final Map<String, String> byToken = new HashMap<>();
    public final Map<String, BuildView> builds = new LinkedHashMap<>();
    public final Map<String, Map<String, String>> environments = new HashMap<>();
    public int concurrentLimit = Integer.MAX_VALUE;

    @Override
    public BuildView start(String projectName, Map<String, String> environment, String idempotencyToken) {
        String existing = byToken.get(idempotencyToken);
        if (existing != null) {
            return builds.get(existing);
        }
        long running = builds.values().stream().filter(b -> b.status() == BuildStatus.IN_PROGRESS).count();
        if (running >= concurrentLimit) {
            throw new BuildThrottled("AccountLimitExceededException: too many concurrent builds");
        }
        String id = projectName + ":build-" + (builds.size() + 1);
        BuildView build = new BuildView(id, BuildStatus.IN_PROGRESS, "https://logs/" + id, null, null);
        byToken.put(idempotencyToken, id);
        builds.put(id, build);
        environments.put(id, Map.copyOf(environment));
        return build;
    }

    /** Ends a build; an unknown id is a build an earlier invocation started, known only from its event. */
    public void finish(String id, BuildStatus status, String failedPhase, Instant endedAt) {
        BuildView build = builds.get(id);
        String logsUrl = build != null ? build.logsUrl() : "https://logs/" + id;
        builds.put(id, new BuildView(id, status, logsUrl, failedPhase, endedAt));
    }

    @Override
    public BuildView get(String buildId) {
        return builds.get(buildId);
    }

    @Override
    public void stop(String buildId) {
        finish(buildId, BuildStatus.STOPPED, null, null);
    }
}
