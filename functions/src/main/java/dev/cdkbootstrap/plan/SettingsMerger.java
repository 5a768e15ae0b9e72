package dev.cdkbootstrap.plan;

import dev.cdkbootstrap.config.BootstrapConfig;
import dev.cdkbootstrap.config.ErrorCollector;
import dev.cdkbootstrap.config.Located;
import dev.cdkbootstrap.config.Nodes;
import dev.cdkbootstrap.config.Regions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges the bootstrap settings of one target's contributions into {@link ToolkitSettings}
 * (docs/config.md, "Bootstrap settings"). {@code trust_for_lookup} is the union minus the target's
 * own account. Every other key is single-valued: a contribution that does not give it leaves it to
 * the others, and two contributions that give different values are an error naming both places
 * (for {@code tags}: different maps). Then the rules that need the target: a KMS key ARN must be in
 * the target's partition, region and account; a key ARN or alias needs a custom template; a custom
 * template must declare every parameter the CDK CLI will pass.
 */
final class SettingsMerger {
    private static final Pattern KMS_ARN = Pattern.compile("^arn:([a-z-]+):kms:([a-z0-9-]+):([0-9]{12}):(key|alias)/.*$");

    private final ErrorCollector errors;
    private final Templates templates;

    SettingsMerger(ErrorCollector errors, Templates templates) {
        this.errors = errors;
        this.templates = templates;
    }

    /** The settings, or {@code null} after recording errors. */
    ToolkitSettings merge(List<Contribution> group, List<String> trust, String qualifier) {
        Contribution first = group.get(0);
        TreeSet<String> lookup = new TreeSet<>();
        group.forEach(c -> c.bootstrap().trustForLookup().forEach(a -> lookup.add(a.value())));
        lookup.remove(first.account());
        List<Agreed<?>> agreed = new ArrayList<>();
        Agreed<String> boundary = agree(group, "permissions_boundary", BootstrapConfig::permissionsBoundary, agreed);
        Agreed<Boolean> protection = agree(group, "termination_protection", BootstrapConfig::terminationProtection, agreed);
        Agreed<Map<String, String>> tags = agree(group, "tags", BootstrapConfig::tags, agreed);
        Agreed<String> kms = agree(group, "kms_key", BootstrapConfig::kmsKey, agreed);
        Agreed<Boolean> publicAccess = agree(group, "public_access_block", BootstrapConfig::publicAccessBlock, agreed);
        Agreed<String> templatePath = agree(group, "template", BootstrapConfig::template, agreed);
        if (agreed.stream().anyMatch(Agreed::conflict)) {
            return null;
        }
        Templates.Loaded template = templatePath.value() == null ? null : templates.load(templatePath.value());
        boolean ok = (templatePath.value() == null || template != null) && kmsFits(first, kms.value(), template);
        if (template != null) {
            ok &= declaresWhatTheCliPasses(first, templatePath.value(), template, trust, lookup, qualifier,
                    boundary.value(), kms.value());
        }
        if (!ok) {
            return null;
        }
        Map<String, String> tagMap = tags.value() == null || tags.value().value().isEmpty() ? null : tags.value().value();
        return new ToolkitSettings(List.copyOf(lookup), valueOf(boundary), valueOf(protection), tagMap, valueOf(kms),
                valueOf(publicAccess), template == null ? null : template.template());
    }

    /** The value the contributions that give {@code key} agree on (null when none does). */
    private record Agreed<T>(Located<T> value, boolean conflict) {}

    private static <T> T valueOf(Agreed<T> agreed) {
        return agreed.value() == null ? null : agreed.value().value();
    }

    private <T> Agreed<T> agree(List<Contribution> group, String key, Function<BootstrapConfig, Located<T>> field,
                                List<Agreed<?>> all) {
        Contribution firstGiver = null;
        Agreed<T> result = new Agreed<>(null, false);
        for (Contribution c : group) {
            Located<T> value = field.apply(c.bootstrap());
            if (value == null) {
                continue;
            }
            if (firstGiver == null) {
                firstGiver = c;
                result = new Agreed<>(value, false);
            } else if (!value.value().equals(result.value().value())) {
                errors.add(value.place(), "target " + c.key() + " gets " + key + " " + shown(value.value()) + " here ("
                        + c.source() + ") but " + shown(result.value().value()) + " from " + firstGiver.source() + " at "
                        + result.value().place().describe(errors.file()) + "; one target has one value of " + key);
                result = new Agreed<>(result.value(), true);
                break;
            }
        }
        all.add(result);
        return result;
    }

    private static String shown(Object value) {
        return value instanceof String s ? "\"" + Nodes.abbreviate(s) + "\"" : Nodes.abbreviate(String.valueOf(value));
    }

    /**
     * A key ARN or alias ARN must be in the target's partition, region and account (S3 encrypts a bucket
     * only with a key of its region; docs/config.md, "Rules that need the target"). With the CDK's own
     * template only a key id works: it grants the file-publishing role {@code arn:...:key/<kms_key>}, so
     * an ARN or an alias would leave that role without access to the key.
     */
    private boolean kmsFits(Contribution target, Located<String> kms, Templates.Loaded template) {
        if (kms == null || ToolkitSettings.KMS_AWS_MANAGED.equals(kms.value())
                || ToolkitSettings.KMS_CREATE.equals(kms.value())) {
            return true;
        }
        Matcher arn = KMS_ARN.matcher(kms.value());
        String partition = Regions.partition(target.region());
        if (arn.matches()) {
            List<String> differs = new ArrayList<>(); // name only what differs from the target
            if (!arn.group(1).equals(partition)) differs.add("partition " + arn.group(1) + " (target's: " + partition + ")");
            if (!arn.group(2).equals(target.region())) differs.add("region " + arn.group(2));
            if (!arn.group(3).equals(target.account())) differs.add("account " + arn.group(3));
            if (!differs.isEmpty()) {
                errors.add(kms.place(), "kms_key " + shown(kms.value()) + " is in " + String.join(", ", differs)
                        + ", not the one of target " + target.key() + "; the staging bucket takes a key of its own "
                        + "account and region");
                return false;
            }
        }
        if (template == null && (arn.matches() || kms.value().startsWith("alias/"))) {
            errors.add(kms.place(), "kms_key " + shown(kms.value()) + " for target " + target.key() + ": with the CDK's "
                    + "own bootstrap template only a key id works (the template grants the file-publishing role "
                    + "arn:...:key/<kms_key>); give the key id, or a custom template that handles an ARN or alias");
            return false;
        }
        return true;
    }

    /**
     * The CDK CLI passes these template parameters, and CloudFormation rejects a parameter the
     * template does not declare (node_modules/aws-cdk/lib/index.js, modernBootstrap and
     * ParameterValues): the execution policies and the public access block always; the KMS key unless a
     * key is created; trust, lookup trust, qualifier and boundary when the command gives them.
     */
    private boolean declaresWhatTheCliPasses(Contribution target, Located<String> path, Templates.Loaded template,
                                             List<String> trust, TreeSet<String> lookup, String qualifier,
                                             Located<String> boundary, Located<String> kms) {
        List<String> needed = new ArrayList<>(List.of("CloudFormationExecutionPolicies", "PublicAccessBlockConfiguration"));
        if (kms == null || !ToolkitSettings.KMS_CREATE.equals(kms.value())) {
            needed.add("FileAssetsBucketKmsKeyId");
        }
        if (!trust.isEmpty()) {
            needed.add("TrustedAccounts");
        }
        if (!lookup.isEmpty()) {
            needed.add("TrustedAccountsForLookup");
        }
        if (!Target.DEFAULT_QUALIFIER.equals(qualifier)) {
            needed.add("Qualifier");
        }
        if (boundary != null) {
            needed.add("InputPermissionsBoundary");
        }
        needed.removeAll(template.parameters());
        if (needed.isEmpty()) {
            return true;
        }
        errors.add(path.place(), "template " + shown(path.value()) + " does not declare the parameter"
                + (needed.size() == 1 ? " " : "s ") + String.join(", ", needed) + " that the CDK CLI passes for target "
                + target.key() + "; add " + (needed.size() == 1 ? "it" : "them") + " to its Parameters");
        return false;
    }
}
