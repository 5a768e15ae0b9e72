package dev.cdkbootstrap.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.config.ConfigError;
import dev.cdkbootstrap.config.ConfigValidationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test helpers: plan a YAML text with in-memory policy files. */
final class Planning {
    static final String FILE = "cdk-app.yml";
    /** The smallest valid config: the pipeline alone, account 111111111111 in eu-west-1. */
    static final String PIPELINE_ONLY = """
            cdk_app_config:
              pipeline:
                account: "111111111111"
                region: eu-west-1
            """;

    private Planning() {}

    static PlannedConfig planned(String yaml, Map<String, String> files) {
        return ConfigPlanner.plan(FILE, yaml.getBytes(StandardCharsets.UTF_8), inMemory(files));
    }

    static Plan plan(String yaml) {
        return planned(yaml, Map.of()).plan();
    }

    static Plan plan(String yaml, Map<String, String> files) {
        return planned(yaml, files).plan();
    }

    static Target target(Plan plan, String account, String region) {
        return plan.targets().stream().filter(t -> t.account().equals(account) && t.region().equals(region))
                .findFirst().orElseThrow(() -> new AssertionError("no target " + account + "/" + region + " in " + plan));
    }

    static List<ConfigError> errors(String yaml) {
        return errors(yaml, Map.of());
    }

    static List<ConfigError> errors(String yaml, Map<String, String> files) {
        ConfigValidationException[] caught = new ConfigValidationException[1];
        assertThatThrownBy(() -> planned(yaml, files)).isInstanceOfSatisfying(ConfigValidationException.class,
                e -> caught[0] = e);
        return caught[0].errors();
    }

    /** {@code line:col path: message} of each error, the compact form the assertions compare. */
    static List<String> compact(List<ConfigError> errors) {
        return errors.stream().map(e -> e.line() + ":" + e.column() + " " + e.path() + ": " + e.message()).toList();
    }

    /**
     * A pipeline-only config (account 111111111111, eu-west-1) whose pipeline {@code bootstrap} block holds
     * {@code lines}, the first on line 6, each indented by 6 spaces (so a key starts at column 7).
     */
    static String pipelineBootstrap(String... lines) {
        StringBuilder yaml = new StringBuilder("""
                cdk_app_config:
                  pipeline:
                    account: "111111111111"
                    region: eu-west-1
                    bootstrap:
                """);
        for (String line : lines) {
            yaml.append("      ").append(line).append('\n');
        }
        return yaml.toString();
    }

    static PolicyFiles inMemory(Map<String, String> files) {
        return path -> Optional.ofNullable(files.get(path));
    }

    static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
            """;
}
