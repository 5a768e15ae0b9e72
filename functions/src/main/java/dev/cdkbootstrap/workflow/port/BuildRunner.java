package dev.cdkbootstrap.workflow.port;

import dev.cdkbootstrap.workflow.model.BuildInfo;
import java.util.Map;

/** The CodeBuild project that runs `cdk bootstrap` for one target; builds are reported as {@link BuildInfo}. */
public interface BuildRunner {

    /**
     * Starts a build; the same idempotency token returns the same build instead of a second one.
     *
     * @param environment names and ids only, never credentials
     * @throws dev.cdkbootstrap.workflow.error.BuildThrottled when CodeBuild refuses to start one now
     */
    BuildInfo start(String projectName, Map<String, String> environment, String idempotencyToken);

    BuildInfo get(String buildId);

    void stop(String buildId);
}
