package dev.cdkbootstrap.config;

import java.util.List;

/**
 * A cdk-app.yml as read: defaults applied where docs/config.md ("Schema") gives one, places kept for errors.
 * {@code bootstrap} is the file-level block ({@code cdk_app_config.bootstrap}), defaults when absent.
 */
public record CdkAppConfig(String appPrefix, BootstrapConfig bootstrap, PipelineConfig pipeline,
                           List<DeploymentSet> deployments) {

    public static final String DEFAULT_APP_PREFIX = "mlops-cdk";
}
