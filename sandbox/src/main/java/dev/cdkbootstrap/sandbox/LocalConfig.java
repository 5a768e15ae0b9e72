package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.config.ConfigValidationException;
import dev.cdkbootstrap.plan.ConfigPlanner;
import dev.cdkbootstrap.plan.DirectoryPolicyFiles;
import dev.cdkbootstrap.plan.Plan;
import dev.cdkbootstrap.plan.PlannedConfig;
import dev.cdkbootstrap.plan.ToolkitSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The config as the sandbox needs it before the run: planned locally with the same engine, to know
 * which accounts get the target role and which files (those the plan names) go to the bucket beside cdk-app.yml.
 * Policy files and templates are read by the config engine's {@link DirectoryPolicyFiles}, exactly as
 * {@code bootstrapctl validate|plan} reads them.
 * An invalid config has no plan; it is still uploaded, so the workflow reports it.
 * {@code pipelineAccount} is {@code cdk_app_config.pipeline.account}, also for an invalid config when that value
 * itself is valid ({@link ConfigPlanner#pipelineAccount}); empty otherwise.
 */
record LocalConfig(Path file, Optional<Plan> plan, TreeMap<String, Path> policyFiles, String problem,
                   Optional<String> pipelineAccount) {

    static LocalConfig read(Path file, Path policiesDir) throws IOException {
        byte[] content = Files.readAllBytes(file);
        Path dir = policiesDir.toAbsolutePath().normalize();
        try {
            // The CLI's own reader: size cap, no link out of the folder, strict UTF-8 (docs/config.md, "Hardening").
            PlannedConfig planned = ConfigPlanner.plan(file.getFileName().toString(), content, new DirectoryPolicyFiles(dir));
            Plan plan = planned.plan();
            TreeMap<String, Path> files = new TreeMap<>(); // every file the plan names travels with the config
            planned.files().keySet().forEach(relative -> files.put(relative, dir.resolve(relative).normalize()));
            return new LocalConfig(file, Optional.of(plan), files, null, Optional.of(plan.pipeline().account()));
        } catch (ConfigValidationException e) {
            // an invalid config still names its pipeline account when that value itself is valid (docs/sandbox.md)
            return new LocalConfig(file, Optional.empty(), new TreeMap<>(), e.getMessage(),
                    ConfigPlanner.pipelineAccount(file.getFileName().toString(), content));
        }
    }

    Set<String> accounts() {
        Set<String> accounts = new TreeSet<>();
        plan.ifPresent(p -> p.targets().forEach(t -> accounts.add(t.account())));
        return accounts;
    }

    /** Every account the config names: the pipeline account, the targets' and the ones they trust (for lookups too). */
    Set<String> namedAccounts() {
        Set<String> accounts = accounts();
        plan.ifPresent(p -> {
            accounts.add(p.pipeline().account());
            p.targets().forEach(t -> {
                accounts.addAll(t.trust());
                accounts.addAll(t.settings().trustForLookup());
            });
        });
        return accounts;
    }

    /** The plan's targets as ACCOUNT/REGION. */
    Set<String> targets() {
        Set<String> targets = new TreeSet<>();
        plan.ifPresent(p -> p.targets().forEach(t -> targets.add(t.account() + "/" + t.region())));
        return targets;
    }

    /**
     * The permissions boundaries cdk-app.yml names by policy name (not {@code cdk-example}, which the CLI
     * creates itself), each with the accounts of the targets that name it.
     */
    Map<String, Set<String>> namedBoundaries() {
        Map<String, Set<String>> boundaries = new TreeMap<>();
        plan.ifPresent(p -> p.targets().forEach(t -> {
            String boundary = t.settings().permissionsBoundary();
            if (boundary != null && !boundary.equals(ToolkitSettings.EXAMPLE_BOUNDARY)) {
                boundaries.computeIfAbsent(boundary, b -> new TreeSet<>()).add(t.account());
            }
        }));
        return boundaries;
    }

    String appPrefix() {
        return plan.map(Plan::appPrefix).orElse("mlops-cdk");
    }
}
