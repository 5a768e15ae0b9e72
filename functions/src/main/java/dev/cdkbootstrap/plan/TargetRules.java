package dev.cdkbootstrap.plan;

import dev.cdkbootstrap.config.BootstrapConfig;
import dev.cdkbootstrap.config.BootstrapLayers;
import dev.cdkbootstrap.config.CdkAppConfig;
import dev.cdkbootstrap.config.DeploymentSet;
import dev.cdkbootstrap.config.ErrorCollector;
import dev.cdkbootstrap.config.Located;
import dev.cdkbootstrap.config.PipelineConfig;
import dev.cdkbootstrap.config.Regions;
import dev.cdkbootstrap.config.StageConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The target rules of docs/config.md ("Targets"): which places produce a target, in which region, trusting whom.
 * Region is inherited first (stage, then set default, then pipeline), so everything derived from it
 * (policy names, default policy file names) uses the inherited value. Trust of preprod/prod covers
 * only the dev account of the SAME set. Each contribution carries its effective Bootstrap block: the
 * file's and its set's defaults under its own ({@link BootstrapLayers}).
 */
final class TargetRules {

    private TargetRules() {}

    static List<Contribution> contributions(CdkAppConfig config, ErrorCollector errors) {
        PipelineConfig pipeline = config.pipeline();
        List<Contribution> out = new ArrayList<>();
        if (pipeline.account() == null || pipeline.region() == null) {
            return out; // without a pipeline account and region no trust or region can be derived
        }
        String pipelineAccount = pipeline.account().value();
        String pipelineRegion = pipeline.region().value();
        BootstrapConfig pipelineBootstrap = BootstrapLayers.pipeline(config.bootstrap(), pipeline.bootstrap());
        // a pipeline with other schema errors is not planned itself, like a set; its account and region still serve the sets
        if (pipeline.valid() && pipelineBootstrap.isEnabled()) {
            out.add(new Contribution(pipelineAccount, pipelineRegion, "pipeline", Set.of(),
                    pipelineBootstrap, pipeline.place()));
        }
        for (DeploymentSet set : config.deployments()) {
            if (!set.enabled() || !set.valid()) {
                continue; // a disabled set contributes nothing, not even trust
            }
            String devAccount = set.stages().stream()
                    .filter(s -> s.enabled() && s.name() != null && StageConfig.DEV.equals(s.name().value()))
                    .map(s -> s.account().value()).findFirst().orElse(null);
            for (StageConfig stage : set.stages()) {
                BootstrapConfig bootstrap = BootstrapLayers.stage(config.bootstrap(), set.bootstrap(), stage.bootstrap());
                if (!stage.enabled() || !bootstrap.isEnabled()) {
                    continue;
                }
                Located<String> region = stage.region() != null ? stage.region()
                        : set.defaultRegion() != null ? set.defaultRegion() : pipeline.region();
                if (!Regions.partition(region.value()).equals(Regions.partition(pipelineRegion))) {
                    errors.add(region.place(), "region " + region.value() + " is in partition "
                            + Regions.partition(region.value()) + " but the pipeline region " + pipelineRegion
                            + " is in " + Regions.partition(pipelineRegion)
                            + "; an account cannot trust an account of another partition");
                    continue;
                }
                Set<String> trust = new LinkedHashSet<>();
                trust.add(pipelineAccount);
                if (!StageConfig.DEV.equals(stage.name().value()) && devAccount != null) {
                    trust.add(devAccount);
                }
                out.add(new Contribution(stage.account().value(), region.value(),
                        set.name().value() + "/" + stage.name().value(), trust, bootstrap, stage.place()));
            }
        }
        return out;
    }
}
