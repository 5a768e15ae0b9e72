package dev.cdkbootstrap.contract;

import static dev.cdkbootstrap.contract.BuildspecHarness.FAKE_SECRET;
import static dev.cdkbootstrap.contract.BuildspecHarness.FAKE_TOKEN;
import static dev.cdkbootstrap.contract.BuildspecHarness.valueAfter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.contract.BuildspecHarness.BuildRun;
import dev.cdkbootstrap.plan.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * buildspec/bootstrap.yml, run with bash the way CodeBuild runs it ({@link BuildspecHarness}), with the
 * environment overrides StartBootstrap really sends: it must run exactly the plan's bootstrapCommand.
 * The settings beyond trust and policies: BuildspecSettingsContractTest.
 */
class BuildspecContractTest {
    @TempDir Path dir;
    private BuildspecHarness build;

    @BeforeEach
    void fakeTools() throws IOException {
        build = new BuildspecHarness(dir);
    }

    @Test
    void buildRunsThePlansBootstrapCommandForATargetWithTrust() throws IOException {
        Target target = plannedTarget("333333333333", "us-east-1");
        assertThat(target.trust()).isNotEmpty();

        BuildRun run = runBuildspec(target, Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(cdkBootstrapArguments()).isEqualTo(target.bootstrapCommand());
    }

    @Test
    void buildUntrustsEachDeployedAccountThePlanDropsOnceByName() throws IOException {
        Target pipeline = plannedTarget("111111111111", "us-east-1");

        BuildRun run = runBuildspec(pipeline, Map.of(), List.of("888888888888", "999999999999"), null);

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> expected = new ArrayList<>(pipeline.bootstrapCommand());
        int policies = expected.indexOf("--cloudformation-execution-policies");
        expected.addAll(policies, List.of("--untrust", "888888888888", "--untrust", "999999999999"));
        assertThat(cdkBootstrapArguments()).isEqualTo(expected).doesNotContain("--trust");
    }

    /** The pinned CLI puts --custom-permissions-boundary on the execution role only, unless told "all roles". */
    @Test
    void buildPassesTheDeploymentsPermissionsBoundaryForEveryToolkitRole() throws IOException {
        Target target = plannedTarget("333333333333", "us-east-1");

        BuildRun run = runBuildspec(target, Map.of(), List.of(), "cdk-guardrail");

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> expected = new ArrayList<>(target.bootstrapCommand());
        expected.addAll(List.of("--custom-permissions-boundary", "cdk-guardrail", "--apply-permissions-boundary-to-all-roles"));
        assertThat(cdkBootstrapArguments()).isEqualTo(expected);
    }

    @Test
    void buildWithoutABoundaryPassesNoBoundaryOptionSoTheCliKeepsTheDeployedOne() throws IOException {
        assertThat(runBuildspec(plannedTarget("333333333333", "us-east-1"), Map.of()).exitCode()).isZero();

        assertThat(cdkBootstrapArguments()).doesNotContain("--custom-permissions-boundary",
                "--apply-permissions-boundary-to-all-roles");
    }

    @Test
    void buildOmitsTrustForATargetWithoutTrust() throws IOException {
        Target pipeline = plannedTarget("111111111111", "us-east-1");
        assertThat(pipeline.trust()).isEmpty();

        BuildRun run = runBuildspec(pipeline, Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(cdkBootstrapArguments()).isEqualTo(pipeline.bootstrapCommand()).doesNotContain("--trust");
    }

    @Test
    void buildAssumesTheTargetRoleWithTheExternalIdAndInstallsThePinnedCli() throws IOException {
        Target target = plannedTarget("555555555555", "eu-west-1");

        assertThat(runBuildspec(target, Map.of()).exitCode()).isZero();

        List<String> assumeRole = calls("aws").get(0);
        assertThat(assumeRole.subList(0, 2)).containsExactly("sts", "assume-role");
        assertThat(valueAfter(assumeRole, "--role-arn"))
                .isEqualTo("arn:aws:iam::555555555555:role/cdk-bootstrap-orchestrator-target");
        assertThat(valueAfter(assumeRole, "--external-id")).isEqualTo("the-external-id");
        assertThat(calls("npm").get(0)).contains("install", "aws-cdk@2.1148.1");
        assertThat(build.cdkEnvironment())
                .contains("AWS_ACCESS_KEY_ID=ASIAFAKEACCESSKEY", "AWS_SECRET_ACCESS_KEY=" + FAKE_SECRET,
                        "AWS_SESSION_TOKEN=" + FAKE_TOKEN);
    }

    @Test
    void buildSkipsTheInstallWhenThePinnedCliIsAlreadyOnPath() throws IOException {
        BuildRun run = runBuildspec(plannedTarget("333333333333", "us-east-1"), Map.of("FAKE_CDK_VERSION", "2.1148.1"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(calls("npm")).isEmpty();
        assertThat(cdkBootstrapArguments()).isEqualTo(plannedTarget("333333333333", "us-east-1").bootstrapCommand());
    }

    @Test
    void buildNeverPrintsTheAssumedCredentials() throws IOException {
        BuildRun run = runBuildspec(plannedTarget("333333333333", "us-east-1"), Map.of());

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).doesNotContain(FAKE_SECRET).doesNotContain(FAKE_TOKEN);
    }

    @Test
    void buildFailsWhenCdkBootstrapFails() throws IOException {
        BuildRun run = runBuildspec(plannedTarget("333333333333", "us-east-1"), Map.of("FAKE_CDK_EXIT", "3"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.failedPhase()).isEqualTo("build");
    }

    @Test
    void buildFailsWithoutRunningCdkWhenTheRoleCannotBeAssumed() throws IOException {
        BuildRun run = runBuildspec(plannedTarget("333333333333", "us-east-1"), Map.of("FAKE_AWS_EXIT", "255"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(calls("cdk")).isEmpty();
    }

    /** A target planned by the real config engine from the shared two-set sample. */
    private static Target plannedTarget(String account, String region) throws IOException {
        return BuildspecHarness.plannedTarget("two-sets.yml", account, region);
    }

    private BuildRun runBuildspec(Target target, Map<String, String> extraEnv) throws IOException {
        return build.run(target, extraEnv);
    }

    private BuildRun runBuildspec(Target target, Map<String, String> extraEnv, List<String> untrust,
            String permissionsBoundary) throws IOException {
        return build.run(target, extraEnv, untrust, permissionsBoundary);
    }

    private List<String> cdkBootstrapArguments() throws IOException {
        return build.cdkBootstrapArguments();
    }

    private List<List<String>> calls(String tool) throws IOException {
        return build.calls(tool);
    }
}
