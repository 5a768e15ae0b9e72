package dev.cdkbootstrap.config;

import java.util.List;

/** One entry of {@code cdk_app_config.deployments}; {@code defaultRegion} null when not given. */
public record DeploymentSet(Located<String> name, boolean enabled, Located<String> defaultRegion,
                            List<StageConfig> stages, Place place, boolean valid) {}
