package dev.cdkbootstrap.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.plan.ConfigPlanner;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxBenchmarkTest {
    @Test
    void theGeneratedConfigPlansSizeTargetsNoneInTheManagementAccountTheGuardrailsRefuse() {
        for (int size : new int[] {1, 10, 40}) {
            var plan = ConfigPlanner.plan("cdk-app.yml", SandboxBenchmark.generatedConfig(size).getBytes(StandardCharsets.UTF_8),
                    path -> Optional.empty()).plan();
            assertThat(plan.targets()).hasSize(size).extracting(Target::account)
                    .doesNotContain(SandboxOptions.DEFAULT_MANAGEMENT_ACCOUNT).doesNotHaveDuplicates();
        }
    }
}
