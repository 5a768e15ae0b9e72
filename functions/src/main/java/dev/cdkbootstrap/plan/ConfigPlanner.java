package dev.cdkbootstrap.plan;

import dev.cdkbootstrap.config.BootstrapConfig;
import dev.cdkbootstrap.config.BootstrapLayers;
import dev.cdkbootstrap.config.CdkAppConfig;
import dev.cdkbootstrap.config.ConfigReader;
import dev.cdkbootstrap.config.ConfigValidationException;
import dev.cdkbootstrap.config.ErrorCollector;
import dev.cdkbootstrap.config.Located;
import dev.cdkbootstrap.config.Nodes;
import dev.cdkbootstrap.config.yaml.HardenedYaml;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/** Entry point of the config engine: cdk-app.yml bytes in, a plan (or every error) out. */
public final class ConfigPlanner {

    private ConfigPlanner() {}

    /**
     * @param fileName the name used in error lines (e.g. {@code cdk-app.yml} or {@code s3://b/k})
     * @param policyFiles the folder that holds cdk-app.yml, for execution-policy files
     * @throws ConfigValidationException with every error found
     */
    public static PlannedConfig plan(String fileName, byte[] content, PolicyFiles policyFiles) {
        ErrorCollector errors = new ErrorCollector(fileName);
        CdkAppConfig config = read(content, errors);
        PlannedConfig planned = config == null ? null : plan(config, policyFiles, errors);
        errors.throwIfAny();
        return planned;
    }

    /**
     * {@code cdk_app_config.pipeline.account} when that value itself is a valid account id, whatever other errors
     * the file has (the sandbox deploys an invalid config's orchestrator there, docs/sandbox.md); read and checked
     * as {@link #plan} does. Empty when the file is unreadable or the account is absent or invalid.
     */
    public static Optional<String> pipelineAccount(String fileName, byte[] content) {
        return Optional.ofNullable(read(content, new ErrorCollector(fileName)))
                .map(config -> config.pipeline().account()).map(Located::value);
    }

    /** The config as read, or {@code null} when the file or its top level is unusable (errors are recorded). */
    private static CdkAppConfig read(byte[] content, ErrorCollector errors) {
        Node root = HardenedYaml.load(content, errors);
        return root == null ? null : ConfigReader.read(root, errors);
    }

    /** Each path is read at most once per plan, however many places name it (one S3 GET, not thousands). */
    private static PolicyFiles once(PolicyFiles files) {
        Map<String, Optional<String>> read = new HashMap<>();
        return path -> {
            Optional<String> cached = read.get(path);
            if (cached == null) {
                cached = files.read(path);
                read.put(path, cached);
            }
            return cached;
        };
    }

    private static PlannedConfig plan(CdkAppConfig config, PolicyFiles policyFiles, ErrorCollector errors) {
        Map<String, List<Contribution>> byTarget = new LinkedHashMap<>();
        for (Contribution c : TargetRules.contributions(config, errors)) {
            byTarget.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
        }
        Map<String, String> documents = new TreeMap<>();
        Map<String, String> templates = new TreeMap<>();
        PolicyFiles files = once(policyFiles);
        PolicyResolver resolver = new PolicyResolver(config.appPrefix(), files, errors, documents);
        List<List<Contribution>> groups = new ArrayList<>(byTarget.values());
        groups.sort(Comparator.comparing((List<Contribution> g) -> g.get(0).account())
                .thenComparing(g -> g.get(0).region()));
        List<String> warnings = new ArrayList<>(profileWarnings(config, errors.file()));
        warnings.addAll(UnknownRegions.warnings(config));
        TargetMerger merger = new TargetMerger(errors, warnings, new Templates(files, errors, templates));
        List<Target> targets = new ArrayList<>();
        for (List<Contribution> group : groups) {
            List<ResolvedPolicy> resolved = new ArrayList<>();
            for (Contribution c : group) {
                ResolvedPolicy r = resolver.resolve(c);
                if (r != null) {
                    resolved.add(r);
                }
            }
            Target target = merger.merge(group, resolved);
            if (target != null) {
                targets.add(target);
            }
        }
        var pipeline = config.pipeline();
        Plan plan = new Plan(config.appPrefix(),
                new Plan.Pipeline(pipeline.account() == null ? null : pipeline.account().value(),
                        pipeline.region() == null ? null : pipeline.region().value()),
                List.copyOf(targets), List.copyOf(warnings));
        return new PlannedConfig(plan, Collections.unmodifiableMap(documents), Collections.unmodifiableMap(templates));
    }

    /**
     * {@code aws_profile} is accepted for the seed's files but does nothing: one warning per place that
     * gives it, in file order, ahead of the target warnings.
     */
    private static List<String> profileWarnings(CdkAppConfig config, String file) {
        return BootstrapLayers.all(config).stream().map(BootstrapConfig::awsProfile).filter(Objects::nonNull)
                .sorted(Comparator.comparingInt((Located<String> p) -> p.place().line())
                        .thenComparingInt(p -> p.place().column()))
                .map(p -> p.place().describe(file) + ": aws_profile \"" + Nodes.abbreviate(p.value())
                        + "\" is ignored: the workflow does not use named profiles, it assumes the target role in each "
                        + "account (see docs/migrating.md); remove the key")
                .toList();
    }
}
