package dev.cdkbootstrap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Policy files are read once per distinct path, however many places name them. */
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
}
