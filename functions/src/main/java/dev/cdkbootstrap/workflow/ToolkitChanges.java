package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A toolkit in the words of a report's reason (docs/workflow.md, "Reasons"): what it is now
 * ({@link #describe}; {@link #settings}, the "up to date with the plan and the pinned template (version 33): ..." of
 * a skipped target) and what a build did to it ({@link #done}, the
 * reason of a BOOTSTRAPPED target), from the observation before the build and the verified one after. Only
 * the settings the plan manages are named (and a permissions boundary when the toolkit has one).
 */
final class ToolkitChanges {
    /** Stack states from which {@code cdk bootstrap} creates the toolkit (ToolkitDecision's TOOLKIT_MISSING rows). */
    private static final Set<String> CREATED_FROM = Set.of("REVIEW_IN_PROGRESS");
    /** A first creation that failed: the CLI deletes the stack and creates it again. */
    private static final Set<String> RECREATED_FROM = Set.of("ROLLBACK_COMPLETE", "ROLLBACK_FAILED");

    private ToolkitChanges() {}

    /**
     * {@code version 33, qualifier hnb659fds, trust 999999999999, execution policy arn:...} and then each
     * further setting the plan manages ({@code lookup trust ..., termination protection on, tags {...}, kms_key
     * create, public access block on, template variant '...'}), and the permissions boundary when there is one.
     */
    static String describe(ObservedToolkit observed, Target target) {
        return String.join(", ", parts(observed, target));
    }

    /** The same without the version: what "up to date with the plan and the pinned template (version 33): ..." lists. */
    static String settings(ObservedToolkit observed, Target target) {
        List<String> parts = parts(observed, target);
        return String.join(", ", parts.subList(1, parts.size()));
    }

    private static List<String> parts(ObservedToolkit observed, Target target) {
        List<String> parts = new ArrayList<>();
        parts.add("version " + observed.version());
        parts.add("qualifier " + orDefault(observed.qualifier(), Target.DEFAULT_QUALIFIER));
        parts.add("trust " + accounts(SettingsDifferences.set(observed.trust())));
        parts.add(policies(SettingsDifferences.set(observed.executionPolicies())));
        boundary(observed).ifPresent(parts::add);
        ToolkitSettings settings = target.settings();
        if (!settings.trustForLookup().isEmpty()) {
            parts.add("lookup trust " + accounts(SettingsDifferences.set(observed.trustForLookup())));
        }
        if (settings.terminationProtection() != null) {
            parts.add("termination protection " + onOff(observed.terminationProtection()));
        }
        if (settings.tags() != null) {
            parts.add("tags " + tags(observed));
        }
        if (settings.kmsKey() != null) {
            parts.add("kms_key " + SettingsDifferences.kmsKey(observed.kmsKey()));
        }
        if (settings.publicAccessBlock() != null) {
            parts.add("public access block " + onOff(observed.publicAccessBlock()));
        }
        if (settings.template() != null) {
            parts.add("template variant '" + observed.variant() + "'");
        }
        return parts;
    }

    /**
     * What a build did, one phrase per change: {@code created the toolkit at version 33: qualifier ...} when
     * there was none before (or one in review, or a failed first creation), otherwise e.g. {@code updated from
     * version 21 to 33}, {@code added trust for 222222222222}, {@code changed the execution policy to arn:...}.
     * Empty when {@code before} is unknown (null) or nothing the plan manages differs between the two.
     */
    static List<String> done(ObservedToolkit before, ObservedToolkit after, Target target) {
        if (before == null) {
            return List.of();
        }
        String status = before.stackExists() ? before.stackStatus() : "";
        if (!before.stackExists() || CREATED_FROM.contains(status) || RECREATED_FROM.contains(status)) {
            String created = RECREATED_FROM.contains(status)
                    ? "re-created the toolkit (its first creation had ended " + status + ")" : "created the toolkit";
            List<String> parts = parts(after, target); // the version first
            return List.of(created + " at " + parts.getFirst() + ": " + String.join(", ", parts.subList(1, parts.size())));
        }
        List<String> done = new ArrayList<>();
        if (!Objects.equals(before.version(), after.version())) {
            done.add(before.version() == null ? "updated a toolkit without a version to version " + after.version()
                    : "updated from version " + before.version() + " to " + after.version());
        }
        String variant = orDefault(after.variant(), ToolkitObserver.DEFAULT_VARIANT);
        if (!orDefault(before.variant(), ToolkitObserver.DEFAULT_VARIANT).equals(variant)) {
            done.add("changed the template variant to '" + variant + "'");
        }
        trust(done, "trust", before.trust(), after.trust());
        trust(done, "lookup trust", before.trustForLookup(), after.trustForLookup());
        TreeSet<String> policies = SettingsDifferences.set(after.executionPolicies());
        if (!SettingsDifferences.set(before.executionPolicies()).equals(policies)) {
            done.add("changed the " + (policies.size() == 1 ? "execution policy" : "execution policies") + " to "
                    + (policies.isEmpty() ? "none" : String.join(", ", policies)));
        }
        boundaryChange(before, after).ifPresent(done::add);
        ToolkitSettings settings = target.settings(); // the further settings only when the plan manages them
        if (settings.terminationProtection() != null
                && !Objects.equals(before.terminationProtection(), after.terminationProtection())) {
            done.add("turned termination protection " + onOff(after.terminationProtection()));
        }
        if (settings.tags() != null && !tags(before).equals(tags(after))) {
            done.add("changed the tags to " + tags(after));
        }
        if (settings.kmsKey() != null && !Objects.equals(before.kmsKey(), after.kmsKey())) {
            done.add("changed kms_key from " + SettingsDifferences.kmsKey(before.kmsKey()) + " to "
                    + SettingsDifferences.kmsKey(after.kmsKey()));
        }
        if (settings.publicAccessBlock() != null && !Objects.equals(before.publicAccessBlock(), after.publicAccessBlock())) {
            done.add("turned the public access block " + onOff(after.publicAccessBlock()));
        }
        return List.copyOf(done);
    }

    private static void trust(List<String> done, String what, List<String> before, List<String> after) {
        TreeSet<String> added = SettingsDifferences.set(after);
        added.removeAll(SettingsDifferences.set(before));
        TreeSet<String> removed = SettingsDifferences.set(before);
        removed.removeAll(SettingsDifferences.set(after));
        if (!added.isEmpty()) {
            done.add("added " + what + " for " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            done.add("removed " + what + " for " + String.join(", ", removed));
        }
    }

    /** {@code permissions boundary X (every role)} or {@code ... (execution role)}; empty without one. */
    private static Optional<String> boundary(ObservedToolkit observed) {
        return boundaryName(observed).map(name -> "permissions boundary " + name + scope(observed));
    }

    private static Optional<String> boundaryChange(ObservedToolkit before, ObservedToolkit after) {
        if (boundary(after).equals(boundary(before))) {
            return Optional.empty();
        }
        return Optional.of(boundaryName(after).map(name -> "set the permissions boundary to " + name + scope(after))
                .orElse("removed the permissions boundary"));
    }

    private static Optional<String> boundaryName(ObservedToolkit observed) {
        String name = observed.permissionsBoundary();
        return name == null || name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static String scope(ObservedToolkit observed) {
        return Boolean.TRUE.equals(observed.permissionsBoundaryAllRoles()) ? " (every role)" : " (execution role)";
    }

    /** {@code execution policy A} or {@code execution policies A, B} ({@code none} when there are none). */
    private static String policies(TreeSet<String> arns) {
        return (arns.size() == 1 ? "execution policy " : "execution policies ") + (arns.isEmpty() ? "none"
                : String.join(", ", arns));
    }

    private static String accounts(TreeSet<String> accounts) {
        return accounts.isEmpty() ? "none" : String.join(", ", accounts);
    }

    private static Map<String, String> tags(ObservedToolkit observed) {
        return observed.tags() == null ? Map.of() : new TreeMap<>(observed.tags());
    }

    private static String onOff(Boolean value) {
        return value == null ? "not set" : value ? "on" : "off";
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
