package dev.cdkbootstrap.workflow;

import java.util.regex.Pattern;

/**
 * What the deployment (the package and template.yaml's parameters, not cdk-app.yml) requires of every
 * target's toolkit, besides the plan: the version the pinned CLI deploys and, optionally, the
 * permissions boundary of every role the toolkit creates.
 *
 * @param pinnedVersion       the toolkit template version the pinned CDK CLI deploys (derived from that CLI
 *                            when the package is built: {@code dev.cdkbootstrap.handler.PinnedCdkCli})
 * @param permissionsBoundary the NAME of the managed policy every toolkit role must have as its boundary
 *                            ({@code TOOLKIT_PERMISSIONS_BOUNDARY}); null when not managed (a deployed
 *                            boundary is then left as it is)
 * @throws IllegalArgumentException when the boundary is not an IAM policy name (the CLI's own check,
 *                                  {@code [\w+=,.@-]}, 1 to 128 characters)
 */
public record ToolkitRequirements(int pinnedVersion, String permissionsBoundary) {
    private static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");

    public ToolkitRequirements {
        if (permissionsBoundary != null && permissionsBoundary.isBlank()) {
            permissionsBoundary = null;
        }
        if (permissionsBoundary != null && !POLICY_NAME.matcher(permissionsBoundary).matches()) {
            throw new IllegalArgumentException("permissions boundary '" + permissionsBoundary
                    + "' is not a managed policy name (1 to 128 of A-Z a-z 0-9 _ + = , . @ -)");
        }
    }

    /** Only the pinned version; no boundary managed. */
    public static ToolkitRequirements pinned(int pinnedVersion) {
        return new ToolkitRequirements(pinnedVersion, null);
    }

    public boolean boundaryManaged() {
        return permissionsBoundary != null;
    }
}
