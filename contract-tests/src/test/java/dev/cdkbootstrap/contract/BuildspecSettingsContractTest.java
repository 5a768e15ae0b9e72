package dev.cdkbootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.contract.BuildspecHarness.BuildRun;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings beyond trust and execution policies, through StartBootstrap's environment overrides and
 * the buildspec run with bash ({@link BuildspecHarness}): the build runs the plan's bootstrapCommand for
 * a target with every setting, decodes tags without eval, fetches a custom template with its own role.
 */
class BuildspecSettingsContractTest {
    private static final String SHA = "ab".repeat(32);

    @TempDir Path dir;
    private BuildspecHarness build;

    @BeforeEach
    void fakeTools() throws IOException {
        build = new BuildspecHarness(dir);
    }

    private static Target with(Target t, ToolkitSettings settings) {
        return new Target(t.account(), t.region(), t.partition(), t.sources(), t.trust(), t.executionPolicies(),
                t.qualifier(), t.toolkitStackName(), settings, t.bootstrapCommand());
    }

    private static Target planned() throws IOException {
        return BuildspecHarness.plannedTarget("two-sets.yml", "333333333333", "us-east-1");
    }

    /** A target planned with every setting (contract-tests/src/test/resources/every-setting.yml). */
    @Test
    void buildRunsThePlansBootstrapCommandForATargetWithEverySetting() throws IOException {
        Target target = BuildspecHarness.plannedTarget("every-setting.yml", "222222222222", "us-east-1");
        assertThat(target.settings().template()).isNotNull();
        assertThat(target.bootstrapCommand()).contains("--trust-for-lookup", "--custom-permissions-boundary",
                "--termination-protection", "--tags", "--bootstrap-customer-key", "--public-access-block-configuration",
                "--template", "--qualifier", "--toolkit-stack-name");

        BuildRun run = build.run(target, Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(build.cdkBootstrapArguments()).isEqualTo(target.bootstrapCommand());
        assertThat(build.calls("aws").get(0)).contains("s3://bucket/runs/run-1/templates/" + target.settings().template().sha256()
                + ".yaml");
    }

    @Test
    void tagValuesKeepTheirSpacesCommasEqualsAndPercentSigns() throws IOException {
        Map<String, String> tags = Map.of("cost center", "R&D, 50% = half", "owner", "ml-ops@example.com", "été", "x\\y");
        BuildRun run = build.run(with(planned(), new ToolkitSettings(List.of(), null, null, tags, null, null, null)), Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> command = build.cdkBootstrapArguments();
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).equals("--tags")) {
                passed.add(command.get(i + 1));
            }
        }
        assertThat(passed).containsExactly("cost center=R&D, 50% = half", "owner=ml-ops@example.com", "été=x\\y");
    }

    @Test
    void aCustomTemplateIsFetchedWithTheBuildsOwnRoleAndPassedByThePlansPath() throws IOException {
        ToolkitSettings settings = new ToolkitSettings(List.of(), null, null, null, null, null,
                new ToolkitSettings.CustomTemplate("templates/team.yaml", SHA, "Team", 40));

        BuildRun run = build.run(with(planned(), settings), Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<List<String>> aws = build.calls("aws");
        assertThat(aws.get(0).subList(0, 2)).containsExactly("s3", "cp");
        assertThat(aws.get(0)).contains("s3://bucket/runs/run-1/templates/" + SHA + ".yaml");
        Path downloadedTo = Path.of(aws.get(0).get(aws.get(0).size() - 1));
        assertThat(aws.get(1).subList(0, 2)).as("the target role is assumed after the download").containsExactly("sts", "assume-role");
        assertThat(BuildspecHarness.valueAfter(build.cdkBootstrapArguments(), "--template")).isEqualTo("templates/team.yaml");
        assertThat(build.cdkWorkingDirectory().resolve("templates/team.yaml")).isEqualTo(downloadedTo);
        assertThat(run.output()).doesNotContain(BuildspecHarness.FAKE_SECRET);
    }

    @Test
    void aTemplatePathLeavingItsFolderFailsTheBuildBeforeAnythingIsFetched() throws IOException {
        for (String path : List.of("../outside.yaml", "/etc/passwd", "a/../../b.yaml")) {
            Path runDir = dir.resolve("run-" + Math.abs(path.hashCode()));
            BuildspecHarness isolated = new BuildspecHarness(java.nio.file.Files.createDirectories(runDir));
            ToolkitSettings settings = new ToolkitSettings(List.of(), null, null, null, null, null,
                    new ToolkitSettings.CustomTemplate(path, SHA, "Team", 40));

            BuildRun run = isolated.run(with(planned(), settings), Map.of());

            assertThat(run.exitCode()).as(path).isNotZero();
            assertThat(run.output()).contains("TEMPLATE_PATH must be relative");
            assertThat(isolated.calls("aws")).as(path).isEmpty();
        }
    }

    @Test
    void theExampleBoundaryAndTheDeploymentsBoundaryAreFlagsOfTheirOwn() throws IOException {
        Target example = with(planned(), new ToolkitSettings(List.of(), "cdk-example", null, null, null, null, null));
        assertThat(build.run(example, Map.of()).exitCode()).isZero();
        assertThat(build.cdkBootstrapArguments()).contains("--example-permissions-boundary")
                .doesNotContain("--custom-permissions-boundary", "--apply-permissions-boundary-to-all-roles");
    }

    @Test
    void theDeploymentsBoundaryIsPassedOnceWhenTheConfigNamesTheSame() throws IOException {
        Target same = with(planned(), new ToolkitSettings(List.of(), "cdk-guardrail", null, null, null, null, null));

        assertThat(build.run(same, Map.of(), List.of(), "cdk-guardrail").exitCode()).isZero();

        List<String> command = build.cdkBootstrapArguments();
        assertThat(command.stream().filter("--custom-permissions-boundary"::equals)).hasSize(1);
        assertThat(command.subList(command.size() - 3, command.size())).containsExactly("--custom-permissions-boundary",
                "cdk-guardrail", "--apply-permissions-boundary-to-all-roles");
    }
}
