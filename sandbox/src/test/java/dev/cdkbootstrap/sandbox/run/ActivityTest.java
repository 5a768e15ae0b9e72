package dev.cdkbootstrap.sandbox.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ActivityTest {

    @Test
    void namesTheRunningStepsAndBuilds() {
        Map<String, Integer> running = new TreeMap<>(Map.of("sandbox-PrepareTargetFunction", 2,
                "sandbox-CheckBootstrapFunction", 1));
        assertThat(Activity.describe(running, 3)).isEqualTo("now: CheckBootstrap, PrepareTarget x2, 3 builds in progress");
        assertThat(Activity.describe(Map.of(), 1)).isEqualTo("now: 1 build in progress");
    }

    @Test
    void nothingRunningSaysNothing() {
        assertThat(Activity.describe(Map.of(), 0)).isEmpty();
    }

    @Test
    void aStepIsTheFunctionsLogicalIdWithoutStackAndSuffix() {
        assertThat(Activity.step("sandbox-SummarizeFunction")).isEqualTo("Summarize");
        assertThat(Activity.step("my-stack-LoadConfigFunction")).isEqualTo("LoadConfig");
    }
}
