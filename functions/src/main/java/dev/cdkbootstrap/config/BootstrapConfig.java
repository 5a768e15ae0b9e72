package dev.cdkbootstrap.config;

/**
 * A Bootstrap block (of the pipeline or of a stage). Absent values are {@code null}; {@code place}
 * is the block itself, or its owner when the block is absent.
 */
public record BootstrapConfig(
        boolean enabled,
        Located<String> policyFile,
        Located<String> policyArn,
        Located<String> awsProfile,
        Located<String> qualifier,
        Located<String> toolkitStackName,
        Place place) {

    public static BootstrapConfig defaults(Place owner) {
        return new BootstrapConfig(true, null, null, null, null, null, owner);
    }
}
