package dev.cdkbootstrap.workflow.port;

import dev.cdkbootstrap.workflow.model.BuildStatus;
import java.time.Instant;
import java.util.Map;

/** The CodeBuild project that runs `cdk bootstrap` for one target. */
public interface BuildRunner {

    /**
     * Starts a build; the same idempotency token returns the same build instead of a second one.
     *
     * @param environment names and ids only, never credentials
     * @throws dev.cdkbootstrap.workflow.error.BuildThrottled when CodeBuild refuses to start one now
     */
    BuildView start(String projectName, Map<String, String> environment, String idempotencyToken);

    BuildView get(String buildId);

    void stop(String buildId);

    /**
     * A build as CodeBuild reports it; {@code failedPhase} is the first phase not SUCCEEDED;
     * {@code runningSince} is when it left the queue (the start of its first phase after QUEUED),
     * null while it is still queued.
     */
    record BuildView(String id, BuildStatus status, String logsUrl, String failedPhase, Instant endedAt,
            Instant runningSince) {}
}
