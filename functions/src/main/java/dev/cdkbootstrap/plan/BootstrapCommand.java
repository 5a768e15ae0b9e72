package dev.cdkbootstrap.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one CDK CLI invocation of a target. {@code --trust} replaces the deployed list, hence the union.
 *
 * <p>Fixed order: {@code cdk bootstrap aws://A/R}, {@code --trust}, {@code --cloudformation-execution-policies},
 * {@code --qualifier}, {@code --toolkit-stack-name}, then the managed {@link ToolkitSettings} in record
 * order. A setting that is not managed (null, or an empty lookup trust) adds no flag. Flag names and
 * shapes are those the pinned CLI declares for {@code bootstrap} (package.json: aws-cdk 2.1148.1;
 * {@code node_modules/aws-cdk/lib/index.js}, the {@code "bootstrap [ENVIRONMENTS..]"} yargs command,
 * and {@code modernBootstrap} for how values are used):
 * <ul>
 *   <li>{@code --trust-for-lookup A,B}: array option; the CLI joins its items with "," into the
 *       {@code TrustedAccountsForLookup} list parameter, so one comma-joined item is the whole list.</li>
 *   <li>{@code --custom-permissions-boundary NAME} (string) or {@code --example-permissions-boundary}
 *       (boolean flag; the CLI then creates or reuses {@code cdk-<qualifier>-permissions-boundary}).</li>
 *   <li>{@code --termination-protection true|false}: a boolean option; yargs takes a following
 *       {@code true}/{@code false} as its value, so {@code false} turns protection off explicitly.</li>
 *   <li>{@code --tags KEY=VALUE}, repeated, by key: array option with {@code nargs: 1}; the CLI
 *       splits each at its first '=' ({@code parseStringTagsListToObject}).</li>
 *   <li>{@code --bootstrap-kms-key-id AWS_MANAGED_KEY} for {@code aws-managed} (the option's own
 *       description: "specify AWS_MANAGED_KEY to use an AWS-managed key"), {@code --bootstrap-customer-key}
 *       for {@code create}, {@code --bootstrap-kms-key-id ID} for a key.</li>
 *   <li>{@code --public-access-block-configuration true|false}: boolean option. Note: when it is not
 *       given the CLI sends {@code "true"} (not the deployed value), so an unmanaged public access
 *       block is reset to on by every bootstrap.</li>
 *   <li>{@code --template PATH}: the path relative to the folder that holds cdk-app.yml; the build
 *       must provide the validated copy there (PlannedConfig.templates, checked by sha256).</li>
 * </ul>
 * Checked against the pinned CLI itself: {@code cdk bootstrap aws://A/R <these flags> --show-template -vvv}
 * logs its parsed arguments without touching AWS (e.g. {@code terminationProtection: false},
 * {@code tags: ['owner=team-a', 'cost center=a=b']}, {@code bootstrapKmsKeyId: 'AWS_MANAGED_KEY'}).
 */
final class BootstrapCommand {
    /** What {@code --bootstrap-kms-key-id} takes for the AWS managed S3 key (index.js: USE_AWS_MANAGED_KEY). */
    static final String AWS_MANAGED_KEY = "AWS_MANAGED_KEY";

    private BootstrapCommand() {}

    static List<String> of(String account, String region, List<String> trust, List<ExecutionPolicy> policies,
                           String qualifier, String toolkitStackName, ToolkitSettings settings) {
        List<String> command = new ArrayList<>(List.of("cdk", "bootstrap", "aws://" + account + "/" + region));
        if (!trust.isEmpty()) {
            command.add("--trust");
            command.add(String.join(",", trust));
        }
        command.add("--cloudformation-execution-policies");
        command.add(String.join(",", policies.stream().map(ExecutionPolicy::arn).toList()));
        if (!Target.DEFAULT_QUALIFIER.equals(qualifier)) {
            command.add("--qualifier");
            command.add(qualifier);
        }
        if (!Target.DEFAULT_TOOLKIT_STACK_NAME.equals(toolkitStackName)) {
            command.add("--toolkit-stack-name");
            command.add(toolkitStackName);
        }
        settings(settings, command);
        return List.copyOf(command);
    }

    private static void settings(ToolkitSettings s, List<String> command) {
        if (!s.trustForLookup().isEmpty()) {
            command.add("--trust-for-lookup");
            command.add(String.join(",", s.trustForLookup()));
        }
        if (ToolkitSettings.EXAMPLE_BOUNDARY.equals(s.permissionsBoundary())) {
            command.add("--example-permissions-boundary");
        } else if (s.permissionsBoundary() != null) {
            command.add("--custom-permissions-boundary");
            command.add(s.permissionsBoundary());
        }
        if (s.terminationProtection() != null) {
            command.add("--termination-protection");
            command.add(s.terminationProtection().toString());
        }
        if (s.tags() != null) {
            for (Map.Entry<String, String> tag : s.tags().entrySet()) { // sorted by key (ToolkitSettings)
                command.add("--tags");
                command.add(tag.getKey() + "=" + tag.getValue());
            }
        }
        if (ToolkitSettings.KMS_CREATE.equals(s.kmsKey())) {
            command.add("--bootstrap-customer-key");
        } else if (s.kmsKey() != null) {
            command.add("--bootstrap-kms-key-id");
            command.add(ToolkitSettings.KMS_AWS_MANAGED.equals(s.kmsKey()) ? AWS_MANAGED_KEY : s.kmsKey());
        }
        if (s.publicAccessBlock() != null) {
            command.add("--public-access-block-configuration");
            command.add(s.publicAccessBlock().toString());
        }
        if (s.template() != null) {
            command.add("--template");
            command.add(s.template().path());
        }
    }
}
