package dev.cdkbootstrap.plan;

import dev.cdkbootstrap.config.BootstrapConfig;
import dev.cdkbootstrap.config.ErrorCollector;
import dev.cdkbootstrap.config.Located;
import dev.cdkbootstrap.config.Nodes;
import dev.cdkbootstrap.config.Place;
import dev.cdkbootstrap.config.Regions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Merges the contributions of one (account, region) into one {@link Target}: trust is the union
 * minus the target's own account; policies are the union of every place's policy (docs/config.md, "Union across the places of one target"),
 * including the AdministratorAccess default of a place that gives none, which is always a warning
 * (beside an explicit policy it widens what that policy limits). Disagreeing policy files,
 * qualifiers or toolkit stack names are errors naming both places; the further settings are merged
 * by {@link SettingsMerger}.
 */
final class TargetMerger {
    private final ErrorCollector errors;
    private final List<String> warnings;
    private final SettingsMerger settings;

    TargetMerger(ErrorCollector errors, List<String> warnings, Templates templates) {
        this.errors = errors;
        this.warnings = warnings;
        this.settings = new SettingsMerger(errors, templates);
    }

    /** The target, or {@code null} when its sources conflict (errors recorded). */
    Target merge(List<Contribution> group, List<ResolvedPolicy> resolved) {
        Contribution first = group.get(0);
        String account = first.account();
        String region = first.region();
        List<String> sources = group.stream().map(Contribution::source).toList();
        TreeSet<String> trust = new TreeSet<>();
        group.forEach(c -> trust.addAll(c.trust()));
        trust.remove(account);
        String qualifier = agree(group, "qualifier", BootstrapConfig::qualifier, Target.DEFAULT_QUALIFIER);
        String stack = agree(group, "toolkit_stack_name", BootstrapConfig::toolkitStackName,
                Target.DEFAULT_TOOLKIT_STACK_NAME);
        List<ExecutionPolicy> policies = policies(first.key(), resolved);
        List<String> trustList = List.copyOf(trust);
        ToolkitSettings merged = qualifier == null ? null : settings.merge(group, trustList, qualifier);
        if (qualifier == null || stack == null || policies == null || merged == null || resolved.size() != group.size()) {
            return null;
        }
        return new Target(account, region, Regions.partition(region), sources, trustList, policies, qualifier, stack,
                merged, BootstrapCommand.of(account, region, trustList, policies, qualifier, stack, merged));
    }

    private List<ExecutionPolicy> policies(String target, List<ResolvedPolicy> resolved) {
        ResolvedPolicy firstFile = null;
        boolean conflict = false;
        for (ResolvedPolicy r : resolved) {
            if (!r.policy().origin().fromFile()) {
                continue;
            }
            if (firstFile == null) {
                firstFile = r;
            } else if (!firstFile.policy().file().equals(r.policy().file())) {
                errors.add(r.place(), "target " + target + " gets policy file \"" + Nodes.abbreviate(r.policy().file()) + "\" here ("
                        + r.from().source() + ") but \"" + Nodes.abbreviate(firstFile.policy().file()) + "\" from "
                        + firstFile.from().source() + " at " + firstFile.place().describe(errors.file())
                        + "; both would be the one IAM policy " + r.policy().arn() + ": use the same file");
                conflict = true;
            }
        }
        if (conflict || resolved.isEmpty()) {
            return null;
        }
        List<ResolvedPolicy> explicit = resolved.stream()
                .filter(r -> r.policy().origin() != ExecutionPolicy.Origin.DEFAULT).toList();
        List<ResolvedPolicy> defaults = resolved.stream()
                .filter(r -> r.policy().origin() == ExecutionPolicy.Origin.DEFAULT).toList();
        if (explicit.isEmpty()) {
            warnings.add(target + ": no execution policy given (" + sourcesOf(defaults) + "); using "
                    + defaults.get(0).policy().arn() + ". Set execution_policy_filepath or execution_policy_arn, or add "
                    + PolicyResolver.defaultFileName(resolved.get(0).from().account(), resolved.get(0).from().region())
                    + " beside the config file");
            return List.of(defaults.get(0).policy());
        }
        String defaultArn = defaults.isEmpty() ? null : defaults.get(0).policy().arn();
        if (defaultArn != null && explicit.stream().noneMatch(r -> r.policy().arn().equals(defaultArn))) {
            // The places named in two runs at most, so this warning of every target reads as one kind (WarningGroups).
            warnings.add(target + ": " + defaultArn + " is added to the execution policies of " + sourcesOf(explicit)
                    + ": none is given in " + sourcesOf(defaults) + " (a target gets the union of its places' policies);"
                    + " set execution_policy_filepath or execution_policy_arn there to avoid it");
        }
        // One entry per ARN; an explicitly named file wins over the same file found by its default name,
        // and an explicit AdministratorAccess ARN over the default.
        TreeMap<String, ExecutionPolicy> byArn = new TreeMap<>();
        resolved.stream().map(ResolvedPolicy::policy)
                .sorted(Comparator.comparing(ExecutionPolicy::origin))
                .forEach(p -> byArn.putIfAbsent(p.arn(), p));
        return List.copyOf(byArn.values());
    }

    private static String sourcesOf(List<ResolvedPolicy> list) {
        return String.join(", ", list.stream().map(r -> r.from().source()).distinct().toList());
    }

    /** The value all contributions agree on, or {@code null} after an error naming both places. */
    private String agree(List<Contribution> group, String key, Function<BootstrapConfig, Located<String>> field,
                         String fallback) {
        Contribution first = group.get(0);
        String firstValue = valueOf(first, field, fallback);
        for (Contribution c : group.subList(1, group.size())) {
            String value = valueOf(c, field, fallback);
            if (!Objects.equals(value, firstValue)) {
                errors.add(placeOf(c, field), "target " + c.key() + " gets " + key + " " + shown(c, field, fallback)
                        + " here (" + c.source() + ") but " + shown(first, field, fallback) + " from " + first.source() + " at "
                        + placeOf(first, field).describe(errors.file()) + "; one target has one value of " + key);
                return null;
            }
        }
        return firstValue;
    }

    private static String valueOf(Contribution c, Function<BootstrapConfig, Located<String>> field, String fallback) {
        Located<String> v = field.apply(c.bootstrap());
        return v == null ? fallback : v.value();
    }

    private static String shown(Contribution c, Function<BootstrapConfig, Located<String>> field, String fallback) {
        return field.apply(c.bootstrap()) == null ? "\"" + fallback + "\" (the default)" : "\"" + valueOf(c, field, fallback) + "\"";
    }

    private static Place placeOf(Contribution c, Function<BootstrapConfig, Located<String>> field) {
        Located<String> v = field.apply(c.bootstrap());
        return v == null ? c.bootstrap().place() : v.place();
    }
}
