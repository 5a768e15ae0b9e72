package dev.cdkbootstrap.config;

import java.util.List;

/**
 * One entry of {@code cdk_app_config.deployments}; {@code defaultRegion} null when not given;
 * {@code bootstrap} the set-level block (defaults of its stages), defaults when absent.
 */
public record DeploymentSet(Located<String> name, boolean enabled, Located<String> defaultRegion,
                            BootstrapConfig bootstrap, List<StageConfig> stages, Place place, boolean valid) {}
