package dev.cdkbootstrap.config;

/** {@code cdk_app_config.pipeline}; {@code valid} is false when any of its values had an error. */
public record PipelineConfig(Located<String> account, Located<String> region, BootstrapConfig bootstrap,
                             Place place, boolean valid) {}
