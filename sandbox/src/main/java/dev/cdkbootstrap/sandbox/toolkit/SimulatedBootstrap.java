package dev.cdkbootstrap.sandbox.toolkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the pinned {@code cdk bootstrap} does to one toolkit stack, computed without node: the same
 * rules, read from {@code node_modules/aws-cdk/lib/index.js} (aws-cdk 2.1148.1; re-read them when the
 * pinned version changes). Each rule below names the function it comes from. Pure: the caller observes
 * the stack (through the front endpoint, so presented statuses count) and applies the outcome.
 */
public final class SimulatedBootstrap {
    /** index.js DEFAULT_BOOTSTRAP_VARIANT: what ExistingToolkitInfo.variant reports when the parameter is absent. */
    static final String CLI_DEFAULT_VARIANT = "AWS CDK: Default Resources";

    private SimulatedBootstrap() {}

    /**
     * The command line, as the buildspec builds it: {@code --trust} only when TRUST is not empty,
     * {@code --untrust X} once per account, {@code --cloudformation-execution-policies} (always),
     * {@code --qualifier} only when not the default, {@code --custom-permissions-boundary NAME} only when
     * PERMISSIONS_BOUNDARY is set, and the further {@link Options}.
     */
    public record Request(Optional<List<String>> trust, List<String> untrust, Optional<List<String>> executionPolicies,
                          Optional<String> qualifier, Optional<String> permissionsBoundary, Options options) {

        /** Nothing beyond trust, policies, qualifier and a custom boundary. */
        public Request(Optional<List<String>> trust, List<String> untrust, Optional<List<String>> executionPolicies,
                       Optional<String> qualifier, Optional<String> permissionsBoundary) {
            this(trust, untrust, executionPolicies, qualifier, permissionsBoundary, Options.NONE);
        }
    }

    /**
     * The options beyond those (empty or false: not given): {@code --trust-for-lookup},
     * {@code --example-permissions-boundary}, {@code --apply-permissions-boundary-to-all-roles},
     * {@code --termination-protection}, {@code --tags}, the KMS key ({@code aws-managed}, {@code create} or a
     * key id, as cdk-app.yml says it), {@code --public-access-block-configuration}, {@code --template} (its path).
     */
    public record Options(Optional<List<String>> trustForLookup, boolean exampleBoundary, boolean boundaryAllRoles,
                          Optional<Boolean> terminationProtection, Optional<Map<String, String>> tags,
                          Optional<String> kmsKey, Optional<Boolean> publicAccessBlock, Optional<String> template) {
        public static final Options NONE = new Options(Optional.empty(), false, false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The stack as DescribeStacks shows it: id, status, parameters (lists comma-joined), outputs, protection, tags. */
    public record Deployed(String stackId, String status, Map<String, String> parameters, Map<String, String> outputs,
                           boolean terminationProtection, Map<String, String> tags) {

        /** Without termination protection and tags. */
        public Deployed(String stackId, String status, Map<String, String> parameters, Map<String, String> outputs) {
            this(stackId, status, parameters, outputs, false, Map.of());
        }
    }

    /** What the CLI ends with. */
    public sealed interface Outcome {
        String message();
    }

    /** Exit 0, nothing changed (the CLI prints {@code message} as a warning or "no changes"). */
    public record NoChange(String message) implements Outcome {}

    /** Exit 1 with the CLI's error. */
    public record Failure(String message) implements Outcome {}

    /** The stack has an operation in progress: the CLI waits for it to settle (stabilizeStack polls forever). */
    public record Busy(String message) implements Outcome {}

    /**
     * A deployment: {@code deleteFirst} is the stack id of a failed creation the CLI deletes first;
     * {@code create} false means an update of the existing stack; {@code parameters} are the values the
     * stack ends with (every template parameter); {@code terminationProtection} and {@code tags}, when present,
     * what the stack's protection and tags become (absent: kept, or none for a new stack).
     */
    public record Deploy(boolean create, Optional<String> deleteFirst, Map<String, String> parameters, String message,
                         Optional<Boolean> terminationProtection, Optional<Map<String, String>> tags) implements Outcome {}

    /**
     * @param deployed      the stack of that name in the target, if DescribeStacks finds one
     * @param pinnedVersion the pinned template's version; {@code defaults} its parameters' defaults
     */
    public static Outcome decide(Optional<Deployed> deployed, Request request, int pinnedVersion, String templateVariant,
                                 Map<String, String> defaults) {
        String status = deployed.map(Deployed::status).orElse("NOT_FOUND");
        // stabilizeStack: an operation in progress (any *_IN_PROGRESS but REVIEW_IN_PROGRESS) is waited for.
        if (status.endsWith("_IN_PROGRESS") && !status.equals("REVIEW_IN_PROGRESS")) {
            return new Busy("Stack has an ongoing operation in progress and is not stable (" + status + ")");
        }
        // CloudFormationStack.lookup / stabilizeStack: DELETE_COMPLETE counts as no stack.
        boolean exists = deployed.isPresent() && !status.equals("DELETE_COMPLETE");
        // StackStatus.isCreationFailure: ROLLBACK_COMPLETE or ROLLBACK_FAILED; ToolkitInfo.lookup then reports "not found".
        boolean creationFailure = exists && (status.equals("ROLLBACK_COMPLETE") || status.equals("ROLLBACK_FAILED"));
        boolean found = exists && !creationFailure;
        Map<String, String> current = found ? deployed.get().parameters() : Map.of();

        // Bootstrapper.modernBootstrap: --trust and --trust-for-lookup replace, omitted keep; every --untrust is
        // removed from both lists, and none may be trusted either way.
        Options options = request.options();
        Set<String> invalid = new LinkedHashSet<>(request.trust().orElse(List.of()));
        invalid.addAll(options.trustForLookup().orElse(List.of()));
        invalid.retainAll(request.untrust());
        if (!invalid.isEmpty()) {
            return new Failure("Accounts cannot be both trusted and untrusted. Found: " + String.join(",", invalid));
        }
        List<String> trusted = without(request.trust().orElse(split(current.get("TrustedAccounts"))), request.untrust());
        List<String> lookup = without(options.trustForLookup().orElse(split(current.get("TrustedAccountsForLookup"))),
                request.untrust());
        List<String> policies = request.executionPolicies().orElse(split(current.get("CloudFormationExecutionPolicies")));
        if (!trusted.isEmpty() && policies.isEmpty()) {
            return new Failure("Please pass '--cloudformation-execution-policies' when using '--trust' to specify deployment permissions.");
        }
        Map<String, String> updates = new LinkedHashMap<>();
        // modernBootstrap: --bootstrap-kms-key-id / --bootstrap-customer-key ("" = CREATE_NEW_KEY); without them
        // kmsKeyId is AWS_MANAGED_KEY when the stack has no FileAssetsBucketKmsKeyId yet, else the previous one.
        options.kmsKey().map(key -> switch (key) {
            case "aws-managed" -> "AWS_MANAGED_KEY";
            case "create" -> "";
            default -> key;
        }).ifPresentOrElse(key -> updates.put("FileAssetsBucketKmsKeyId", key), () -> {
            if (!current.containsKey("FileAssetsBucketKmsKeyId")) {
                updates.put("FileAssetsBucketKmsKeyId", "AWS_MANAGED_KEY");
            }
        });
        updates.put("TrustedAccounts", String.join(",", trusted));
        updates.put("TrustedAccountsForLookup", String.join(",", lookup));
        updates.put("CloudFormationExecutionPolicies", String.join(",", policies));
        request.qualifier().ifPresent(q -> updates.put("Qualifier", q));
        // modernBootstrap: a custom boundary's name (the example's: cdk-<qualifier>-permissions-boundary, which the
        // caller creates) becomes InputPermissionsBoundary, the all-roles flag its parameter; without a boundary
        // option the parameter is not given, so the stack keeps its own.
        request.permissionsBoundary().ifPresent(name -> updates.put("InputPermissionsBoundary", name));
        if (options.exampleBoundary() && request.permissionsBoundary().isEmpty()) {
            updates.put("InputPermissionsBoundary", exampleBoundary(request.qualifier().orElse("hnb659fds")));
        }
        if (options.boundaryAllRoles()) {
            updates.put("ApplyPermissionsBoundaryToAllRoles", "true");
        }
        // modernBootstrap: "true" unless --public-access-block-configuration false (not the previous value).
        updates.put("PublicAccessBlockConfiguration", options.publicAccessBlock().orElse(true).toString());

        int deployedVersion = parseVersion(deployed.map(d -> d.outputs().get("BootstrapVersion")).orElse(null));
        String deployedVariant = current.getOrDefault("BootstrapVariant", CLI_DEFAULT_VARIANT);
        if (found) {
            // BootstrapStack.update: a different variant is never overwritten, a newer version never downgraded.
            if (!deployedVariant.equals(templateVariant)) {
                return new NoChange("Bootstrap stack already exists, containing '" + deployedVariant + "'. Not overwriting it "
                        + "with a template containing '" + templateVariant + "' (use --force if you intend to overwrite)");
            }
            if (pinnedVersion < deployedVersion) {
                return new NoChange("Bootstrap stack already at version " + deployedVersion + ". Not downgrading it to version "
                        + pinnedVersion + " (use --force if you intend to downgrade)");
            }
        }
        // deployStack: a failed creation is deleted first, then created; parameters not given keep the stack's
        // value (usePreviousParameters, ParameterValues) or take the template default.
        boolean update = exists && !creationFailure;
        Map<String, String> stackParameters = update ? deployed.get().parameters() : Map.of();
        Map<String, String> values = new LinkedHashMap<>();
        defaults.forEach((key, fallback) -> values.put(key, updates.containsKey(key) ? updates.get(key)
                : stackParameters.getOrDefault(key, fallback)));
        // canSkipDeploy: an existing stack with the same template, no parameter change and no failed status is left alone.
        boolean review = status.equals("REVIEW_IN_PROGRESS");
        boolean sameTemplate = !review && deployedVersion == pinnedVersion && deployedVariant.equals(templateVariant);
        // canSkipDeploy also compares the tags (when given) and termination protection (kept when not given).
        boolean sameTags = !update || options.tags().map(t -> t.equals(deployed.get().tags())).orElse(true);
        boolean sameProtection = !update || options.terminationProtection()
                .map(p -> p == deployed.get().terminationProtection()).orElse(true);
        if (update && sameTemplate && !hasChanges(stackParameters, values) && !status.endsWith("FAILED") && sameTags
                && sameProtection) {
            return new NoChange("no changes: the template and parameters are what the stack has");
        }
        // FullCloudFormationDeployment: REVIEW_IN_PROGRESS (a change set never executed) is created, not updated.
        boolean create = !update || review;
        return new Deploy(create, creationFailure ? Optional.of(deployed.get().stackId()) : Optional.empty(), values,
                (creationFailure ? "deleting the stack that failed creation (" + status + "), then creating it"
                        : create ? "creating the toolkit stack" : "updating the toolkit stack")
                        + "; trusted accounts " + (trusted.isEmpty() ? "(none)" : String.join(", ", trusted))
                        + ", for lookup " + (lookup.isEmpty() ? "(none)" : String.join(", ", lookup))
                        + ", execution policies " + (policies.isEmpty() ? "(default AdministratorAccess)" : String.join(", ", policies)),
                options.terminationProtection(), options.tags());
    }

    /** Bootstrapper.getExamplePermissionsBoundary: the policy {@code --example-permissions-boundary} names (and creates). */
    public static String exampleBoundary(String qualifier) {
        return "cdk-" + qualifier + "-permissions-boundary";
    }

    /** ParameterValues.hasChanges: any parameter added, removed or with another value. */
    static boolean hasChanges(Map<String, String> current, Map<String, String> values) {
        return !current.equals(values);
    }

    /** splitCfnArray: a CloudFormation list parameter's comma-joined value, empty for none. */
    static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }

    private static List<String> without(List<String> accounts, List<String> untrusted) {
        List<String> kept = new ArrayList<>(accounts);
        kept.removeAll(untrusted);
        return kept;
    }

    /** ExistingToolkitInfo.version: parseInt of the BootstrapVersion output, 0 when absent. */
    static int parseVersion(String output) {
        try {
            return output == null ? 0 : Integer.parseInt(output.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
