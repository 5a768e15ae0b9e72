package dev.cdkbootstrap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Solution Setup guide's own sample (accounts filled in) is full of blank keys; the seed loader
 * crashed on them. Here every blank key takes its default.
 */
class GuideSampleTest {

    @Test
    void theGuidesSampleWithItsBlankKeysPlansTenTargets() throws Exception {
        Path sample = Path.of(GuideSampleTest.class.getResource("/config/valid/guide-sample.yml").toURI());
        Plan plan = ConfigPlanner.plan("guide-sample.yml", Files.readAllBytes(sample), p -> Optional.empty()).plan();
        assertThat(plan.appPrefix()).isEqualTo("mlops-cdk");
        assertThat(plan.targets()).hasSize(10).allSatisfy(t -> assertThat(t.region()).isEqualTo("eu-west-1"));
        assertThat(Planning.target(plan, "101010101010", "eu-west-1").trust())
                .containsExactly("111111111111", "888888888888");
        assertThat(plan.warnings()).hasSize(13); // 10 targets without a policy, 3 places with aws_profile: profile_name
        assertThat(plan.warnings().subList(0, 3)).allSatisfy(w -> assertThat(w)
                .contains("(cdk_app_config.deployments[").contains(".bootstrap.aws_profile): aws_profile \"profile_name\" is ignored"));
    }
}
