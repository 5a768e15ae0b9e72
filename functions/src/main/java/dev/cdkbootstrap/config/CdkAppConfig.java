package dev.cdkbootstrap.config;

import java.util.List;

/** A cdk-app.yml as read: defaults applied where semantics.md gives one, places kept for errors. */
public record CdkAppConfig(String appPrefix, PipelineConfig pipeline, List<DeploymentSet> deployments) {

    public static final String DEFAULT_APP_PREFIX = "mlops-cdk";
}
