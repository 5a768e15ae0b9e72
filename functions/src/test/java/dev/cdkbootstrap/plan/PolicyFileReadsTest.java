package dev.cdkbootstrap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.config.ConfigValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Policy files are read once per distinct path, however many places name them; a failed read is one error. */
class PolicyFileReadsTest {

    @Test
    void aFileNamedByManyStagesIsReadOnce() {
        StringBuilder yaml = new StringBuilder("""
                cdk_app_config:
                  pipeline: {account: "111111111111", region: eu-west-1, bootstrap: {execution_policy_filepath: p.json}}
                  deployments:
                """);
        for (int i = 0; i < 50; i++) {
            yaml.append("    - {set_name: s").append(i).append(", stages: [{stage_name: dev, account: \"")
                    .append(200_000_000_000L + i).append("\", bootstrap: {execution_policy_filepath: p.json}}]}\n");
        }
        List<String> reads = new ArrayList<>();
        PolicyFiles counting = path -> {
            reads.add(path);
            return path.equals("p.json") ? Optional.of(Planning.POLICY) : Optional.empty();
        };
        PlannedConfig planned = ConfigPlanner.plan("c.yml", yaml.toString().getBytes(StandardCharsets.UTF_8), counting);
        assertThat(planned.plan().targets()).hasSize(51);
        assertThat(reads).containsExactly("p.json");
    }

    /** The errors of planning {@code file} whose pipeline's bootstrap block is {@code bootstrap}, over {@code files}. */
    private static List<String> errors(String file, String bootstrap, PolicyFiles files) {
        byte[] yaml = ("cdk_app_config:\n  pipeline: {account: \"111111111111\", region: eu-west-1, bootstrap: "
                + bootstrap + "}\n").getBytes(StandardCharsets.UTF_8);
        List<String> errors = new ArrayList<>();
        assertThatThrownBy(() -> ConfigPlanner.plan(file, yaml, files)).isInstanceOfSatisfying(
                ConfigValidationException.class, e -> errors.addAll(Planning.compact(e.errors())));
        return errors;
    }

    @Test
    void aGivenFileThatCannotBeReadIsOneErrorNotAlsoNotFound() {
        PolicyFiles outside = path -> {
            throw new UncheckedIOException(new IOException("it links outside /config"));
        };

        assertThat(errors("c.yml", "{execution_policy_filepath: p.json}", outside)).containsExactly("2:97"
                + " cdk_app_config.pipeline.bootstrap.execution_policy_filepath: cannot read policy file \"p.json\": it"
                + " links outside /config");
    }

    @Test
    void aFileThatExistsButCannotBeUsedIsNamedWithItsProblem() {
        PolicyFiles notUtf8 = path -> {
            throw new PolicyFileException(path, "is not valid UTF-8");
        };

        assertThat(errors("c.yml", "{execution_policy_filepath: p.json}", notUtf8)).containsExactly("2:97"
                + " cdk_app_config.pipeline.bootstrap.execution_policy_filepath: policy file \"p.json\" is not valid UTF-8");
    }

    @Test
    void aByteOrderMarkIsNamedAsSuchNotAsAJsonError() {
        PolicyFiles withBom = path -> Optional.of("\uFEFF" + Planning.POLICY);

        assertThat(errors("c.yml", "{execution_policy_filepath: policies/x.json}", withBom)).containsExactly("2:97"
                + " cdk_app_config.pipeline.bootstrap.execution_policy_filepath: policy file \"policies/x.json\" starts"
                + " with a UTF-8 byte-order mark; save it without one");
    }

    @Test
    void aMissingFileNamesTheConfigFileWhoseFolderWasSearched() {
        assertThat(errors("teams/prod.yml", "{template: t.yaml}", path -> Optional.empty())).containsExactly("2:80"
                + " cdk_app_config.pipeline.bootstrap.template: template \"t.yaml\" not found in the folder that holds"
                + " teams/prod.yml");
    }
}
