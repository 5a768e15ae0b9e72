package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the deployment (the package and template.yaml's parameters, not cdk-app.yml) requires of every
 * target's toolkit, besides the plan: the version the pinned CLI deploys and, optionally, the
 * permissions boundary of every role the toolkit creates.
 *
 * @param pinnedVersion       the toolkit template version the pinned CDK CLI deploys (derived from that CLI
 *                            when the package is built: {@code dev.cdkbootstrap.handler.PinnedCdkCli})
 * @param permissionsBoundary the NAME of the managed policy every toolkit role must have as its boundary
 *                            ({@code TOOLKIT_PERMISSIONS_BOUNDARY}); null when not required (a target's
 *                            {@code permissions_boundary} from cdk-app.yml then decides, see {@link #boundaryFor})
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

    /**
     * The permissions boundary a target's toolkit must carry.
     *
     * @param name     the managed policy NAME the stack's {@code InputPermissionsBoundary} must hold
     * @param allRoles whether it must be on every toolkit role ({@code ApplyPermissionsBoundaryToAllRoles} true);
     *                 false: wherever the template puts it (the CloudFormation execution role), not compared
     * @param example  the CDK's example boundary ({@code --example-permissions-boundary}: the CLI creates the
     *                 policy {@code cdk-<qualifier>-permissions-boundary} when it is missing)
     */
    public record Boundary(String name, boolean allRoles, boolean example) {}

    /**
     * How the deployment's boundary and a target's {@code permissions_boundary} combine (docs/workflow.md,
     * "Permissions boundary"): the deployment's, on every role, when it requires one (a target naming another
     * is refused, {@link #boundaryConflict}); else the target's, on the execution role as the CDK puts it;
     * empty when neither manages one (a deployed boundary is then left as it is).
     */
    public Optional<Boundary> boundaryFor(Target target) {
        return boundaryFor(permissionsBoundary, target);
    }

    /** {@link #boundaryFor(Target)} with the deployment's boundary given as a name (null or empty: none required). */
    public static Optional<Boundary> boundaryFor(String required, Target target) {
        if (required != null && !required.isBlank()) {
            return Optional.of(new Boundary(required, true, false));
        }
        String configured = target.settings().permissionsBoundary();
        if (configured == null) {
            return Optional.empty();
        }
        return Optional.of(ToolkitSettings.EXAMPLE_BOUNDARY.equals(configured)
                ? new Boundary(exampleBoundaryName(target.qualifier()), false, true)
                : new Boundary(configured, false, false));
    }

    /**
     * Why a target's {@code permissions_boundary} cannot be honoured: the deployment requires another
     * boundary on every role (the target role lets toolkit roles be created with that one only), and
     * {@code cdk-example} counts as another. Empty when there is no conflict.
     */
    public Optional<String> boundaryConflict(Target target) {
        String configured = target.settings().permissionsBoundary();
        if (!boundaryManaged() || configured == null || configured.equals(permissionsBoundary)) {
            return Optional.empty();
        }
        return Optional.of("cdk-app.yml asks for permissions boundary '" + configured + "' but this deployment"
                + " requires '" + permissionsBoundary + "' on every toolkit role (template parameter"
                + " ToolkitPermissionsBoundary); remove permissions_boundary for this target or set it to '"
                + permissionsBoundary + "'; nothing was changed in the account");
    }

    /** The policy {@code cdk bootstrap --example-permissions-boundary} creates (and then names) for a qualifier. */
    public static String exampleBoundaryName(String qualifier) {
        return "cdk-" + qualifier + "-permissions-boundary";
    }
}
