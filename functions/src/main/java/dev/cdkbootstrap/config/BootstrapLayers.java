package dev.cdkbootstrap.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The effective Bootstrap block of a stage or of the pipeline (docs/config.md, "Bootstrap settings"):
 * defaults given once at the file level ({@code cdk_app_config.bootstrap}) or the set level
 * ({@code deployments[i].bootstrap}), overridden key by key by more specific places. Every value
 * keeps the place where it was written.
 *
 * <ul>
 *   <li>Most specific wins: stage (or pipeline), then set, then file.</li>
 *   <li>The policy pair: the most specific place that gives {@code execution_policy_filepath} or
 *       {@code execution_policy_arn} supplies BOTH keys, so a stage's ARN replaces a file-level
 *       policy file instead of clashing with it.</li>
 *   <li>{@code trust_for_lookup} is a union over the places (like trust), not replaced.</li>
 *   <li>{@code tags} is one key: the most specific map replaces the maps above it.</li>
 *   <li>{@code enabled} of the file level is not inherited by the pipeline (docs/config.md, "Layering"); the
 *       pipeline has no set.</li>
 * </ul>
 */
public final class BootstrapLayers {

    private BootstrapLayers() {}

    /** A stage's block over its set's and the file's. */
    public static BootstrapConfig stage(BootstrapConfig file, BootstrapConfig set, BootstrapConfig stage) {
        return layered(List.of(stage, set, file), firstGiven(List.of(stage, set, file), BootstrapConfig::enabled));
    }

    /** The pipeline's block over the file's; {@code enabled} only from the pipeline's own block. */
    public static BootstrapConfig pipeline(BootstrapConfig file, BootstrapConfig pipeline) {
        return layered(List.of(pipeline, file), pipeline.enabled());
    }

    /** {@code layers}: most specific first; the first is the place of the result. */
    private static BootstrapConfig layered(List<BootstrapConfig> layers, Located<Boolean> enabled) {
        BootstrapConfig policies = layers.stream().filter(b -> b.policyFile() != null || b.policyArn() != null)
                .findFirst().orElse(layers.get(0));
        List<Located<String>> lookup = new ArrayList<>();
        for (BootstrapConfig b : layers.reversed()) {
            lookup.addAll(b.trustForLookup()); // file order of the places; the merger sorts and de-duplicates
        }
        return new BootstrapConfig(enabled, policies.policyFile(), policies.policyArn(),
                firstGiven(layers, BootstrapConfig::awsProfile),
                firstGiven(layers, BootstrapConfig::qualifier),
                firstGiven(layers, BootstrapConfig::toolkitStackName),
                lookup,
                firstGiven(layers, BootstrapConfig::permissionsBoundary),
                firstGiven(layers, BootstrapConfig::terminationProtection),
                firstGiven(layers, BootstrapConfig::tags),
                firstGiven(layers, BootstrapConfig::kmsKey),
                firstGiven(layers, BootstrapConfig::publicAccessBlock),
                firstGiven(layers, BootstrapConfig::template),
                layers.get(0).place());
    }

    private static <T> Located<T> firstGiven(List<BootstrapConfig> layers, Function<BootstrapConfig, Located<T>> key) {
        return layers.stream().map(key).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Every block of the file in reading order: file level, pipeline, then each set and its stages. */
    public static List<BootstrapConfig> all(CdkAppConfig config) {
        List<BootstrapConfig> out = new ArrayList<>(Arrays.asList(config.bootstrap(), config.pipeline().bootstrap()));
        for (DeploymentSet set : config.deployments()) {
            out.add(set.bootstrap());
            set.stages().forEach(s -> out.add(s.bootstrap()));
        }
        return out;
    }
}
