package dev.cdkbootstrap.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the schema of docs/config.md ("Schema") from a YAML node tree into {@link CdkAppConfig}, applying
 * defaults and recording every error with its place. It never stops at the first error.
 */
public final class ConfigReader {
    private static final List<String> ROOT_KEYS = List.of("cdk_app_config");
    private static final List<String> APP_KEYS = List.of("app_prefix", "pipeline", "deployments", "bootstrap");
    private static final List<String> PIPELINE_KEYS = List.of("account", "region", "bootstrap", "code_commit");
    private static final List<String> SET_KEYS = List.of("set_name", "enabled", "default_region", "stages", "bootstrap");
    private static final List<String> STAGE_KEYS = List.of("stage_name", "account", "region", "enabled", "bootstrap");
    private static final List<String> STAGE_NAMES = List.of("dev", "preprod", "prod");
    private static final Pattern APP_PREFIX = Pattern.compile("^[A-Za-z0-9+=,.@_-]{1,64}$");
    private static final Pattern SET_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    private final ErrorCollector errors;
    private int stagesRead;

    private ConfigReader(ErrorCollector errors) {
        this.errors = errors;
    }

    /** The config, or {@code null} when its top level is unusable (errors are recorded). */
    public static CdkAppConfig read(Node root, ErrorCollector errors) {
        return new ConfigReader(errors).root(root);
    }

    private CdkAppConfig root(Node root) {
        Place top = Nodes.place(root, Place.fileStart());
        MappingNode mapping = Scalars.mapping(root, top, errors);
        if (mapping == null) {
            return null;
        }
        Fields rootFields = Fields.of(mapping, top, ROOT_KEYS, errors);
        Node appNode = rootFields.required("cdk_app_config", errors);
        MappingNode app = appNode == null ? null : Scalars.mapping(appNode, rootFields.placeOf("cdk_app_config"), errors);
        if (app == null) {
            return null;
        }
        Fields f = Fields.of(app, rootFields.placeOf("cdk_app_config"), APP_KEYS, errors);
        String appPrefix = CdkAppConfig.DEFAULT_APP_PREFIX;
        Located<String> prefix = Scalars.text(f, "app_prefix", errors);
        if (prefix != null && APP_PREFIX.matcher(prefix.value()).matches()) {
            appPrefix = prefix.value();
        } else if (prefix != null) {
            errors.add(prefix.place(), "app_prefix must be 1 to 64 letters, digits or +=,.@_- "
                    + "(it becomes part of IAM policy names)");
        }
        Node pipelineNode = f.required("pipeline", errors);
        MappingNode pipelineMap = pipelineNode == null ? null : Scalars.mapping(pipelineNode, f.placeOf("pipeline"), errors);
        PipelineConfig pipeline = pipelineMap == null ? null : pipeline(pipelineMap, f.placeOf("pipeline"));
        BootstrapConfig bootstrap = BootstrapReader.read(f, errors);
        List<DeploymentSet> sets = deployments(f);
        return pipeline == null ? null : new CdkAppConfig(appPrefix, bootstrap, pipeline, sets);
    }

    private PipelineConfig pipeline(MappingNode mapping, Place place) {
        int before = errors.size();
        Fields f = Fields.of(mapping, place, PIPELINE_KEYS, errors);
        Located<String> account = Scalars.account(f, "account", errors);
        Located<String> region = Scalars.region(f, "region", true, errors);
        BootstrapConfig bootstrap = BootstrapReader.read(f, errors);
        BootstrapReader.checkCodeCommit(f, errors);
        return new PipelineConfig(account, region, bootstrap, place, errors.size() == before);
    }

    private List<DeploymentSet> deployments(Fields app) {
        Node node = app.value("deployments");
        if (node == null) {
            return List.of();
        }
        SequenceNode list = Scalars.list(node, app.placeOf("deployments"), errors);
        if (list == null) {
            return List.of();
        }
        String listPath = app.placeOf("deployments").path();
        List<DeploymentSet> sets = new ArrayList<>();
        Map<String, Located<String>> names = new HashMap<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            Place place = Nodes.place(item, new Place(0, 0, listPath + "[" + i + "]"));
            MappingNode mapping = Scalars.mapping(item, place, errors);
            DeploymentSet set = mapping == null ? null : set(mapping, place);
            if (set != null && set.name() != null) {
                Located<String> first = names.putIfAbsent(set.name().value(), set.name());
                if (first != null) {
                    errors.add(set.name().place(), "duplicate set_name \"" + set.name().value()
                            + "\" (first at line " + first.place().line() + "); set names must be unique");
                }
            }
            if (set != null) {
                sets.add(set);
            }
        }
        return sets;
    }

    private DeploymentSet set(MappingNode mapping, Place place) {
        int before = errors.size();
        Fields f = Fields.of(mapping, place, SET_KEYS, errors);
        Located<String> name = Scalars.text(f, "set_name", errors);
        if (f.required("set_name", errors) != null && name != null && !SET_NAME.matcher(name.value()).matches()) {
            errors.add(name.place(), "set_name \"" + Nodes.abbreviate(name.value())
                    + "\" must start with a letter or digit and hold only letters, digits, '.', '_' or '-' (at most 64)");
            name = null;
        }
        Boolean enabled = Scalars.bool(f, "enabled", errors);
        Located<String> defaultRegion = Scalars.region(f, "default_region", false, errors);
        BootstrapConfig bootstrap = BootstrapReader.read(f, errors);
        List<StageConfig> stages = stages(f);
        return new DeploymentSet(name, enabled == null || enabled, defaultRegion, bootstrap, stages, place,
                errors.size() == before);
    }

    private List<StageConfig> stages(Fields set) {
        Node node = set.required("stages", errors);
        SequenceNode list = node == null ? null : Scalars.list(node, set.placeOf("stages"), errors);
        if (list == null) {
            return List.of();
        }
        if (list.getValue().isEmpty()) {
            errors.add(set.placeOf("stages"), "a set needs at least one stage");
        }
        String listPath = set.placeOf("stages").path();
        List<StageConfig> stages = new ArrayList<>();
        Map<String, Located<String>> names = new HashMap<>();
        for (int i = 0; i < list.getValue().size(); i++) {
            Node item = list.getValue().get(i);
            Place place = Nodes.place(item, new Place(0, 0, listPath + "[" + i + "]"));
            if (++stagesRead > ConfigLimits.MAX_STAGES) {
                errors.add(place, "more than " + ConfigLimits.MAX_STAGES
                        + " stages in all sets (aliases counted each time they are used); not read further");
                break;
            }
            MappingNode mapping = Scalars.mapping(item, place, errors);
            if (mapping == null) {
                continue;
            }
            StageConfig stage = stage(mapping, place);
            if (stage.name() != null) {
                Located<String> first = names.putIfAbsent(stage.name().value(), stage.name());
                if (first != null) {
                    errors.add(stage.name().place(), "duplicate stage_name \"" + stage.name().value()
                            + "\" in this set (first at line " + first.place().line() + ")");
                }
            }
            stages.add(stage);
        }
        return stages;
    }

    private StageConfig stage(MappingNode mapping, Place place) {
        int before = errors.size();
        Fields f = Fields.of(mapping, place, STAGE_KEYS, errors);
        Located<String> name = null;
        if (f.required("stage_name", errors) != null) {
            name = Scalars.text(f, "stage_name", errors);
        }
        if (name != null && !STAGE_NAMES.contains(name.value())) {
            String given = name.value();
            errors.add(name.place(), "unknown stage_name \"" + Nodes.abbreviate(given) + "\""
                    + Suggestions.closest(given, STAGE_NAMES).map(s -> "; did you mean \"" + s + "\"?").orElse("")
                    + " (expected dev, preprod or prod)");
            name = null;
        }
        Located<String> account = Scalars.account(f, "account", errors);
        Located<String> region = Scalars.region(f, "region", false, errors);
        Boolean enabled = Scalars.bool(f, "enabled", errors);
        BootstrapConfig bootstrap = BootstrapReader.read(f, errors);
        return new StageConfig(name, account, region, enabled == null || enabled, bootstrap, place,
                errors.size() == before);
    }
}
