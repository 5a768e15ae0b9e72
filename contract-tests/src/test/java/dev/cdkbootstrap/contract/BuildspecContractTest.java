package dev.cdkbootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cdkbootstrap.plan.ConfigPlanner;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.StartBootstrapStep;
import dev.cdkbootstrap.workflow.WaitPolicy;
import dev.cdkbootstrap.workflow.inmemory.InMemoryBuilds;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.RunRef;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * buildspec/bootstrap.yml, run with bash the way CodeBuild runs it (phases in order), with fake
 * {@code aws}, {@code npm} and {@code cdk} executables that record their arguments, and with the
 * environment overrides StartBootstrap really sends: it must run exactly the plan's bootstrapCommand.
 */
class BuildspecContractTest {
    private static final List<String> PHASES = List.of("install", "pre_build", "build", "post_build");
    private static final String FAKE_SECRET = "fakeSecretAccessKey/Do+Not+Print";
    private static final String FAKE_TOKEN = "fakeSessionTokenDoNotPrint";

    @TempDir Path dir;
    private Path calls;
    private Path bin;

    @BeforeEach
    void fakeTools() throws IOException {
        calls = Files.createDirectories(dir.resolve("calls"));
        bin = Files.createDirectories(dir.resolve("bin"));
        // Each fake writes its arguments, one per line, to calls/<tool>.<n>.
        String record = "n=$(ls \"$CALLS\" | wc -l); printf '%s\\n' \"$@\" > \"$CALLS/$(basename \"$0\").$n\"\n";
        tool("npm", record);
        tool("aws", record + "printf 'ASIAFAKEACCESSKEY\\t" + FAKE_SECRET + "\\t" + FAKE_TOKEN + "\\n'\n"
                + "exit \"${FAKE_AWS_EXIT:-0}\"\n");
        tool("cdk", "if [ \"$1\" = --version ]; then echo \"${FAKE_CDK_VERSION:-2.1000.0} (build fake)\"; exit 0; fi\n" + record
                + "env | grep '^AWS_' | sort > \"$CALLS/cdk.env\"\nexit \"${FAKE_CDK_EXIT:-0}\"\n");
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
        assertThat(Files.readAllLines(calls.resolve("cdk.env")))
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
        byte[] config = Files.readAllBytes(ProjectFiles.path("contract-tests/src/test/resources/two-sets.yml"));
        return ConfigPlanner.plan("two-sets.yml", config, path -> Optional.empty()).plan().targets().stream()
                .filter(t -> t.account().equals(account) && t.region().equals(region))
                .findFirst().orElseThrow(() -> new AssertionError("no planned target " + account + "/" + region));
    }

    /**
     * The environment overrides StartBootstrap sends for the target after PrepareTarget decided to
     * bootstrap it with these accounts to untrust, under a deployment with this permissions boundary
     * (null: none), captured from its BuildRunner port.
     */
    private static Map<String, String> overridesFor(Target target, List<String> untrust, String permissionsBoundary) {
        InMemoryBuilds builds = new InMemoryBuilds();
        var settings = new StartBootstrapStep.Settings("bootstrap-project", "cdk-bootstrap-orchestrator-target",
                "2.1148.1", permissionsBoundary);
        Instant now = Instant.parse("2026-11-25T19:00:00Z");
        TargetState decided = TargetState.of(new RunRef("run-1", false, "bucket", "runs/run-1/"),
                new TargetItem(target, Map.of())).withDecision(now, Decision.BOOTSTRAP, ReasonCode.SETTINGS_DIFFER,
                "trust differs", untrust, null);
        TargetState started = new StartBootstrapStep(builds, settings,
                new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30)), Clock.fixed(now, ZoneOffset.UTC))
                .run(decided);
        return builds.environments.get(started.build().id());
    }

    private record BuildRun(int exitCode, String output, String failedPhase) {}

    /** Runs each phase's commands with bash, in order, stopping at the first failing command (like CodeBuild). */
    private BuildRun runBuildspec(Target target, Map<String, String> extraEnv) throws IOException {
        return runBuildspec(target, extraEnv, List.of(), null);
    }

    private BuildRun runBuildspec(Target target, Map<String, String> extraEnv, List<String> untrust,
            String permissionsBoundary) throws IOException {
        JsonNode buildspec = new ObjectMapper(new YAMLFactory()).readTree(ProjectFiles.path("buildspec/bootstrap.yml").toFile());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", dir.toString());
        env.put("CALLS", calls.toString());
        buildspec.path("env").path("variables").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        env.put("TARGET_ROLE_EXTERNAL_ID", "the-external-id");
        env.putAll(overridesFor(target, untrust, permissionsBoundary));
        env.putAll(extraEnv);
        StringBuilder output = new StringBuilder();
        for (String phase : PHASES) {
            for (JsonNode command : buildspec.path("phases").path(phase).path("commands")) {
                Processes.Result result = Processes.run(List.of("bash", "-c", command.asText()), dir, env);
                output.append(result.output());
                if (result.exitCode() != 0) {
                    return new BuildRun(result.exitCode(), output.toString(), phase);
                }
            }
        }
        return new BuildRun(0, output.toString(), null);
    }

    private List<String> cdkBootstrapArguments() throws IOException {
        List<List<String>> cdk = calls("cdk");
        assertThat(cdk).as("cdk invocations other than --version").hasSize(1);
        List<String> command = new ArrayList<>(List.of("cdk"));
        command.addAll(cdk.get(0));
        return command;
    }

    private List<List<String>> calls(String tool) throws IOException {
        List<List<String>> found = new ArrayList<>();
        try (var files = Files.list(calls)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(tool + "\\.\\d+"))
                    .sorted((a, b) -> Integer.compare(number(a), number(b))).toList()) {
                found.add(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return found;
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
    }

    private static String valueAfter(List<String> arguments, String option) {
        int index = arguments.indexOf(option);
        assertThat(index).as(option + " in " + arguments).isNotNegative();
        return arguments.get(index + 1);
    }

    private void tool(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
