package dev.cdkbootstrap.config;

import java.util.List;
import java.util.Map;

/**
 * A Bootstrap block: as written at one place (the whole file, a set, a stage or the pipeline), or the
 * effective block of one stage or the pipeline after layering ({@link BootstrapLayers}). A value not
 * given is {@code null} ({@code trustForLookup}: empty); every given value keeps the place where it
 * was WRITTEN, so an error about an inherited value points at the file or set level that holds it.
 * {@code place} is the block itself, or its owner when the block is absent; for an effective block,
 * that of the most specific place.
 *
 * <p>Keys beyond the seed's (docs/config.md, "Bootstrap settings"): {@code trustForLookup} (12-digit
 * accounts), {@code permissionsBoundary} (a managed policy name or {@code cdk-example}),
 * {@code terminationProtection}, {@code tags} (key to value, in file order), {@code kmsKey}
 * ({@code aws-managed}, {@code create}, a key id, key ARN or alias), {@code publicAccessBlock} and
 * {@code template} (a normalized path relative to the folder that holds cdk-app.yml).
 */
public record BootstrapConfig(
        Located<Boolean> enabled,
        Located<String> policyFile,
        Located<String> policyArn,
        Located<String> awsProfile,
        Located<String> qualifier,
        Located<String> toolkitStackName,
        List<Located<String>> trustForLookup,
        Located<String> permissionsBoundary,
        Located<Boolean> terminationProtection,
        Located<Map<String, String>> tags,
        Located<String> kmsKey,
        Located<Boolean> publicAccessBlock,
        Located<String> template,
        Place place) {

    public BootstrapConfig {
        trustForLookup = trustForLookup == null ? List.of() : List.copyOf(trustForLookup);
    }

    public static BootstrapConfig defaults(Place owner) {
        return new BootstrapConfig(null, null, null, null, null, null, List.of(), null, null, null, null, null, null,
                owner);
    }

    /** {@code enabled}, default true. */
    public boolean isEnabled() {
        return enabled == null || enabled.value();
    }
}
