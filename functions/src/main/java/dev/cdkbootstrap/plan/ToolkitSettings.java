package dev.cdkbootstrap.plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A target's bootstrap settings beyond trust, execution policies, qualifier and toolkit stack name
 * (docs/config.md, "Bootstrap settings"), merged from every place that asks for the target. A null
 * value means the setting is not managed: no place wrote it, so the bootstrap command leaves it out
 * (the CLI then keeps what the toolkit has, or uses its own default when it creates one) and the
 * up-to-date check ignores it.
 *
 * @param trustForLookup        accounts trusted for lookups only, sorted, never the target's own; empty when none
 * @param permissionsBoundary   the NAME of a managed policy in the target account, or {@link #EXAMPLE_BOUNDARY}
 * @param terminationProtection the toolkit stack's termination protection
 * @param tags                  tag key to value, sorted by key, applied to the toolkit stack
 * @param kmsKey                {@link #KMS_AWS_MANAGED}, {@link #KMS_CREATE}, or a key id or ARN in the target
 * @param publicAccessBlock     whether the staging bucket blocks public access
 * @param template              a custom bootstrap template; null for the pinned CDK CLI's own template
 */
public record ToolkitSettings(
        List<String> trustForLookup,
        String permissionsBoundary,
        Boolean terminationProtection,
        Map<String, String> tags,
        String kmsKey,
        Boolean publicAccessBlock,
        CustomTemplate template) {

    /** {@code permissions_boundary: cdk-example}: the CDK's example boundary ({@code --example-permissions-boundary}). */
    public static final String EXAMPLE_BOUNDARY = "cdk-example";
    public static final String KMS_AWS_MANAGED = "aws-managed";
    public static final String KMS_CREATE = "create";
    /** Nothing managed beyond the basics. */
    public static final ToolkitSettings NONE = new ToolkitSettings(List.of(), null, null, null, null, null, null);

    public ToolkitSettings {
        trustForLookup = trustForLookup == null ? List.of() : List.copyOf(trustForLookup);
        tags = tags == null ? null : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /**
     * A custom bootstrap template that travels with the config like a policy file.
     *
     * @param path    relative to the folder that holds cdk-app.yml, normalized
     * @param sha256  hex SHA-256 of the file's bytes (names the copy in the run folder)
     * @param variant the template's {@code BootstrapVariant} parameter default (what the toolkit stack will hold)
     * @param version the template's {@code BootstrapVersion} (what the toolkit will be at after a build)
     */
    public record CustomTemplate(String path, String sha256, String variant, int version) {}
}
