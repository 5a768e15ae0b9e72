package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a bootstrap build is told about each setting beyond the basics (docs/contracts.md). */
class BuildEnvironmentTest {

    private static Map<String, String> env(Target target, String requiredBoundary) {
        return BuildEnvironment.of(target, List.of(), Fixtures.run(false), "target-role", "2.1148.1", requiredBoundary);
    }

    private static Target dev(ToolkitSettings settings) {
        return Fixtures.withSettings(Fixtures.devTarget(), settings);
    }

    @Test
    void everyManagedSettingTravelsAsItsOwnVariable() {
        Map<String, String> env = env(Fixtures.devWithEverySetting(), null);

        assertThat(env).containsEntry("TRUST_FOR_LOOKUP", "222222222222")
                .containsEntry("PERMISSIONS_BOUNDARY", "team-boundary")
                .containsEntry("EXAMPLE_PERMISSIONS_BOUNDARY", "")
                .containsEntry("PERMISSIONS_BOUNDARY_ALL_ROLES", "")
                .containsEntry("TERMINATION_PROTECTION", "true")
                .containsEntry("TAGS", "cost center=R%26D%2C ml%3D1,team=ml")
                .containsEntry("KMS_KEY", "create")
                .containsEntry("PUBLIC_ACCESS_BLOCK", "false")
                .containsEntry("TEMPLATE_S3_URI", "s3://config-bucket/runs/run-1/templates/" + "ab".repeat(32) + ".yaml")
                .containsEntry("TEMPLATE_PATH", "templates/bootstrap.yaml");
    }

    @Test
    void anUnmanagedSettingIsEmptySoTheBuildPassesNoOptionForIt() {
        Map<String, String> env = env(Fixtures.devTarget(), null);

        assertThat(env).containsEntry("TRUST_FOR_LOOKUP", "").containsEntry("PERMISSIONS_BOUNDARY", "")
                .containsEntry("EXAMPLE_PERMISSIONS_BOUNDARY", "").containsEntry("TERMINATION_PROTECTION", "")
                .containsEntry("TAGS", "").containsEntry("KMS_KEY", "").containsEntry("PUBLIC_ACCESS_BLOCK", "")
                .containsEntry("TEMPLATE_S3_URI", "").containsEntry("TEMPLATE_PATH", "");
    }

    @Test
    void managedFalseIsNotUnmanaged() {
        Map<String, String> env = env(dev(new ToolkitSettings(List.of(), null, false, null, "aws-managed", true, null)), null);

        assertThat(env).containsEntry("TERMINATION_PROTECTION", "false").containsEntry("PUBLIC_ACCESS_BLOCK", "true")
                .containsEntry("KMS_KEY", "aws-managed");
    }

    @Test
    void theExampleBoundaryIsAFlagNotAName() {
        Map<String, String> env = env(dev(new ToolkitSettings(List.of(), "cdk-example", null, null, null, null, null)), null);

        assertThat(env).containsEntry("PERMISSIONS_BOUNDARY", "").containsEntry("EXAMPLE_PERMISSIONS_BOUNDARY", "true")
                .containsEntry("PERMISSIONS_BOUNDARY_ALL_ROLES", "");
    }

    @Test
    void theDeploymentsBoundaryGoesOnEveryRoleWhetherOrNotTheConfigNamesIt() {
        assertThat(env(Fixtures.devTarget(), "cdk-guardrail")).containsEntry("PERMISSIONS_BOUNDARY", "cdk-guardrail")
                .containsEntry("PERMISSIONS_BOUNDARY_ALL_ROLES", "true");
        Target same = dev(new ToolkitSettings(List.of(), "cdk-guardrail", null, null, null, null, null));
        assertThat(env(same, "cdk-guardrail")).containsEntry("PERMISSIONS_BOUNDARY", "cdk-guardrail")
                .containsEntry("PERMISSIONS_BOUNDARY_ALL_ROLES", "true");
    }

    @Test
    void tagsArePercentEncodedSoTheirCommasEqualsAndPercentSignsSurvive() {
        assertThat(BuildEnvironment.tags(Map.of("a", "50% off, a=b", "b", "é"))).isEqualTo("a=50%25 off%2C a%3Db,b=%C3%A9");
        assertThat(BuildEnvironment.encode("Team_A 1.0:/+@-")).isEqualTo("Team_A 1.0:/+@-");
        assertThat(BuildEnvironment.encode("line\nbreak\\")).isEqualTo("line%0Abreak%5C");
    }
}
