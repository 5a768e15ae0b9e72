package dev.cdkbootstrap.sandbox.toolkit;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One toolkit stack as a target holds it before a run (one entry of a {@code --given} file).
 * {@code version}, {@code variant} and {@code ssmVersion} may be {@code null}: the pinned template's
 * version, its BootstrapVariant default, and the stack's version (or none, see {@link #ssm}).
 * {@code source} is {@code FILE:LINE} of the entry, for messages.
 */
public record ToolkitState(String account, String region, String stackName, String qualifier, Integer version,
                           List<String> trust, List<String> trustForLookup, List<String> executionPolicies,
                           String variant, String status, String ssmVersion, String source) {
    public static final String DEFAULT_STACK_NAME = "CDKToolkit";
    public static final String DEFAULT_QUALIFIER = "hnb659fds";
    /** {@code ssmVersion: missing}: the SSM version parameter is deleted after the stack is built. */
    public static final String MISSING = "missing";

    /** Statuses moto reaches for real (the rest are presented at the front endpoint). */
    static final Set<String> REAL = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "REVIEW_IN_PROGRESS", "DELETE_COMPLETE");
    /**
     * Statuses of a stack whose first creation did not complete: in AWS its resources were (being)
     * rolled back, so the sandbox presents them over a stack that holds none of the toolkit.
     */
    static final Set<String> FAILED_CREATION = Set.of("CREATE_IN_PROGRESS", "CREATE_FAILED", "ROLLBACK_IN_PROGRESS",
            "ROLLBACK_FAILED", "ROLLBACK_COMPLETE");

    public ToolkitState {
        trust = List.copyOf(trust);
        trustForLookup = List.copyOf(trustForLookup);
        executionPolicies = List.copyOf(executionPolicies);
    }

    public String target() {
        return account + "/" + region;
    }

    public int version(BootstrapTemplate pinned) {
        return version == null ? pinned.version() : version;
    }

    public String variant(BootstrapTemplate pinned) {
        return variant == null ? pinned.defaultVariant() : variant;
    }

    /** Whether moto can hold this status itself; otherwise the front endpoint presents it. */
    public boolean realStatus() {
        return REAL.contains(status);
    }

    /** Whether the stack stands for a failed first creation (it then holds none of the toolkit's resources). */
    public boolean failedCreation() {
        return FAILED_CREATION.contains(status);
    }

    /**
     * The value the SSM version parameter has after the set-up, empty when it does not exist. Default:
     * the stack's version where the stack holds the toolkit's resources; none for REVIEW_IN_PROGRESS
     * (nothing created yet), DELETE_COMPLETE (deleted with the stack) and a failed creation (rolled back).
     */
    public OptionalInt ssm(BootstrapTemplate pinned) {
        if (MISSING.equals(ssmVersion)) {
            return OptionalInt.empty();
        }
        if (ssmVersion != null) {
            return OptionalInt.of(Integer.parseInt(ssmVersion));
        }
        boolean holdsResources = !failedCreation() && !status.equals("REVIEW_IN_PROGRESS") && !status.equals("DELETE_COMPLETE");
        return holdsResources ? OptionalInt.of(version(pinned)) : OptionalInt.empty();
    }
}
