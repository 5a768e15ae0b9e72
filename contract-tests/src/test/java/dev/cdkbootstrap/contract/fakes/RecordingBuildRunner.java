package dev.cdkbootstrap.contract.fakes;

import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.port.BuildRunner;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An in-memory CodeBuild project: start records the environment overrides and returns an
 * IN_PROGRESS build (the same one for a repeated idempotency token); a test ends builds with
 * {@link #finish}.
 */
public final class RecordingBuildRunner implements BuildRunner {
    private final Map<String, BuildView> builds = new HashMap<>();
    private final Map<String, String> byToken = new HashMap<>();
    private Map<String, String> lastEnvironment;

    @Override
    public BuildView start(String projectName, Map<String, String> environment, String idempotencyToken) {
        lastEnvironment = Map.copyOf(environment);
        String id = byToken.computeIfAbsent(idempotencyToken, t -> projectName + ":build-" + (byToken.size() + 1));
        return builds.computeIfAbsent(id, i -> new BuildView(i, BuildStatus.IN_PROGRESS,
                "https://console.example/codebuild/" + i, null, null));
    }

    @Override
    public BuildView get(String buildId) {
        BuildView build = builds.get(buildId);
        if (build == null) {
            throw new IllegalArgumentException("no build " + buildId);
        }
        return build;
    }

    @Override
    public void stop(String buildId) {
        BuildView build = get(buildId);
        builds.put(buildId, new BuildView(buildId, BuildStatus.STOPPED, build.logsUrl(), "BUILD", Instant.now()));
    }

    public void finish(String buildId, BuildStatus status, String failedPhase, Instant endedAt) {
        String logs = builds.containsKey(buildId) ? builds.get(buildId).logsUrl() : null;
        builds.put(buildId, new BuildView(buildId, status, logs, failedPhase, endedAt));
    }

    public Map<String, String> lastEnvironment() {
        return lastEnvironment;
    }
}
