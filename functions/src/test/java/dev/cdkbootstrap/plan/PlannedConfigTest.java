package dev.cdkbootstrap.plan;

import static dev.cdkbootstrap.plan.Planning.POLICY;
import static dev.cdkbootstrap.plan.Planning.pipelineBootstrap;
import static dev.cdkbootstrap.plan.Planning.planned;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PlannedConfig#files()}: what travels with the config (bootstrapctl upload, the sandbox's upload). */
class PlannedConfigTest {

    @Test
    void everyFileThePlanNamesAndNothingElseWithTheTextThatWasValidated() {
        PlannedConfig planned = planned(pipelineBootstrap("execution_policy_filepath: policies/exec.json",
                "template: templates/t.yaml"), Map.of("policies/exec.json", POLICY,
                "templates/t.yaml", CustomTemplateTest.TEMPLATE, "policies/unused.json", POLICY));

        assertThat(planned.files()).containsExactly(Map.entry("policies/exec.json", POLICY),
                Map.entry("templates/t.yaml", CustomTemplateTest.TEMPLATE));
    }

    @Test
    void aDefaultNamedPolicyFoundBesideTheConfigTravelsToo() {
        PlannedConfig planned = planned(pipelineBootstrap("termination_protection: true"),
                Map.of("execution_policy_111111111111_eu-west-1.json", POLICY));

        assertThat(planned.files()).containsOnlyKeys("execution_policy_111111111111_eu-west-1.json");
    }
}
