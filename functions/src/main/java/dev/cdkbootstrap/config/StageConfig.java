package dev.cdkbootstrap.config;

/**
 * One stage of a deployment set. {@code region} is the stage's own region (null when not given:
 * it is inherited); {@code valid} is false when any of its values had an error.
 */
public record StageConfig(Located<String> name, Located<String> account, Located<String> region,
                          boolean enabled, BootstrapConfig bootstrap, Place place, boolean valid) {

    public static final String DEV = "dev";
}
