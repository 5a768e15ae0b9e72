package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.ExecutionPolicy;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The managed settings of the decision table (docs/workflow.md, "Managed settings"): what differs between
 * a toolkit as observed and the plan, one finding per setting, each naming it and both values. A setting
 * the plan does not manage (null in {@link ToolkitSettings}) is not compared.
 */
final class SettingsDifferences {
    /** {@code FileAssetsBucketKmsKeyId} of a toolkit with a key of its own (the template's CreateNewKey). */
    static final String KMS_CREATED = "";
    /** {@code FileAssetsBucketKmsKeyId} of a toolkit whose bucket uses the AWS managed key. */
    static final String KMS_AWS_MANAGED = "AWS_MANAGED_KEY";

    private SettingsDifferences() {}

    /**
     * Trust and execution policies as sets; lookup trust holds every account of the plan's
     * {@code trust_for_lookup} and none that the plan trusts neither way (an account trusted for deployment
     * may stay: the template's lookup role trusts TrustedAccounts anyway, so it grants nothing more); the
     * permissions boundary of {@link ToolkitRequirements#boundaryFor}; termination protection, tags (exactly),
     * KMS key and public access block when the plan manages them.
     */
    static List<String> of(ObservedToolkit observed, Target target, ToolkitRequirements required) {
        List<String> differences = new ArrayList<>();
        ToolkitSettings settings = target.settings();
        TreeSet<String> wantedTrust = new TreeSet<>(target.trust());
        TreeSet<String> trust = set(observed.trust());
        if (!trust.equals(wantedTrust)) {
            differences.add("trust differs: deployed " + trust + " wanted " + wantedTrust);
        }
        lookup(observed, target).ifPresent(differences::add);
        TreeSet<String> wantedPolicies = new TreeSet<>(target.executionPolicies().stream().map(ExecutionPolicy::arn).toList());
        TreeSet<String> policies = set(observed.executionPolicies());
        if (!policies.equals(wantedPolicies)) {
            differences.add("execution policies differ: deployed " + policies + " wanted " + wantedPolicies);
        }
        required.boundaryFor(target).ifPresent(boundary -> differences.addAll(boundary(observed, boundary)));
        boolean protectedNow = Boolean.TRUE.equals(observed.terminationProtection());
        if (settings.terminationProtection() != null && settings.terminationProtection() != protectedNow) {
            differences.add("termination protection is " + onOff(observed.terminationProtection()) + ", wanted "
                    + onOff(settings.terminationProtection()));
        }
        if (settings.tags() != null) {
            Map<String, String> tags = observed.tags() == null ? Map.of() : observed.tags();
            if (!new TreeMap<>(tags).equals(new TreeMap<>(settings.tags()))) {
                differences.add("tags differ: deployed " + new TreeMap<>(tags) + " wanted " + new TreeMap<>(settings.tags()));
            }
        }
        if (settings.kmsKey() != null && !settings.kmsKey().equals(kmsKey(observed.kmsKey()))) {
            differences.add("KMS key differs: deployed " + kmsKey(observed.kmsKey()) + " wanted " + settings.kmsKey());
        }
        if (settings.publicAccessBlock() != null && !settings.publicAccessBlock().equals(observed.publicAccessBlock())) {
            differences.add("public access block is " + onOff(observed.publicAccessBlock()) + ", wanted "
                    + onOff(settings.publicAccessBlock()));
        }
        return differences;
    }

    /** Accounts to remove as {@code --untrust}: deployed (trust and lookup trust) and trusted by the plan neither way. */
    static List<String> untrust(ObservedToolkit observed, Target target) {
        TreeSet<String> deployed = set(observed.trust());
        deployed.addAll(set(observed.trustForLookup()));
        deployed.removeAll(target.trust());
        deployed.removeAll(target.settings().trustForLookup());
        return List.copyOf(deployed);
    }

    /**
     * {@code --trust-for-lookup} replaces the deployed list when given; without it the list is kept and only
     * {@code --untrust} removes accounts. So: every wanted lookup account present, none trusted neither way.
     */
    private static Optional<String> lookup(ObservedToolkit observed, Target target) {
        TreeSet<String> lookup = set(observed.trustForLookup());
        List<String> wanted = target.settings().trustForLookup();
        List<String> missing = wanted.stream().filter(a -> !lookup.contains(a)).toList();
        List<String> foreign = lookup.stream().filter(a -> !target.trust().contains(a) && !wanted.contains(a)).toList();
        if (missing.isEmpty() && foreign.isEmpty()) {
            return Optional.empty();
        }
        if (wanted.isEmpty()) {
            return Optional.of("trust for lookup differs: deployed " + lookup + " holds " + foreign
                    + " the plan does not trust");
        }
        return Optional.of("trust for lookup differs: deployed " + lookup + " wanted " + new TreeSet<>(wanted)
                + (foreign.isEmpty() ? "" : " (" + foreign + " trusted neither way)"));
    }

    /** The template puts InputPermissionsBoundary on the execution role, and on every role only with the flag. */
    private static List<String> boundary(ObservedToolkit observed, ToolkitRequirements.Boundary wanted) {
        String deployed = observed.permissionsBoundary() == null || observed.permissionsBoundary().isEmpty()
                ? "(none)" : observed.permissionsBoundary();
        if (!deployed.equals(wanted.name())) {
            return List.of("permissions boundary differs: deployed " + deployed + " wanted " + wanted.name()
                    + (wanted.example() ? " (the CDK's example boundary, cdk-example)" : ""));
        }
        if (wanted.allRoles() && !Boolean.TRUE.equals(observed.permissionsBoundaryAllRoles())) {
            return List.of("permissions boundary " + wanted.name() + " is not on every role: ApplyPermissionsBoundaryToAllRoles"
                    + " is " + observed.permissionsBoundaryAllRoles() + ", wanted true");
        }
        return List.of();
    }

    /** A deployed {@code FileAssetsBucketKmsKeyId} in cdk-app.yml's words ({@code kms_key}). */
    static String kmsKey(String deployed) {
        if (deployed == null) {
            return "(not set)";
        }
        return switch (deployed) {
            case KMS_CREATED -> ToolkitSettings.KMS_CREATE;
            case KMS_AWS_MANAGED -> ToolkitSettings.KMS_AWS_MANAGED;
            default -> deployed;
        };
    }

    private static String onOff(Boolean value) {
        return value == null ? "not set" : value ? "on" : "off";
    }

    /** A deployed list parameter as a set; an absent parameter is the template's default, empty. */
    static TreeSet<String> set(List<String> values) {
        return values == null ? new TreeSet<>() : new TreeSet<>(values);
    }
}
