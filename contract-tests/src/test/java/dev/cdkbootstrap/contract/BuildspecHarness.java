package dev.cdkbootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cdkbootstrap.plan.ConfigPlanner;
import dev.cdkbootstrap.plan.DirectoryPolicyFiles;
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

/**
 * buildspec/bootstrap.yml run with bash the way CodeBuild runs it (phases in order), in {@code dir}, with
 * fake {@code aws}, {@code npm} and {@code cdk} executables that record their arguments (one per line, in
 * {@code calls/<tool>.<n>}), and with the environment overrides StartBootstrap really sends.
 */
final class BuildspecHarness {
    static final String FAKE_SECRET = "fakeSecretAccessKey/Do+Not+Print";
    static final String FAKE_TOKEN = "fakeSessionTokenDoNotPrint";
    private static final List<String> PHASES = List.of("install", "pre_build", "build", "post_build");

    private final Path dir;
    private final Path calls;
    private final Path bin;

    record BuildRun(int exitCode, String output, String failedPhase) {}

    BuildspecHarness(Path dir) throws IOException {
        this.dir = dir;
        calls = Files.createDirectories(dir.resolve("calls"));
        bin = Files.createDirectories(dir.resolve("bin"));
        String record = "n=$(ls \"$CALLS\" | wc -l); printf '%s\\n' \"$@\" > \"$CALLS/$(basename \"$0\").$n\"\n";
        tool("npm", record);
        tool("aws", record + "printf 'ASIAFAKEACCESSKEY\\t" + FAKE_SECRET + "\\t" + FAKE_TOKEN + "\\n'\n"
                + "exit \"${FAKE_AWS_EXIT:-0}\"\n");
        tool("cdk", "if [ \"$1\" = --version ]; then echo \"${FAKE_CDK_VERSION:-2.1000.0} (build fake)\"; exit 0; fi\n" + record
                + "env | grep '^AWS_' | sort > \"$CALLS/cdk.env\"\npwd > \"$CALLS/cdk.pwd\"\nexit \"${FAKE_CDK_EXIT:-0}\"\n");
    }

    /** A target planned by the real config engine from a config of contract-tests/src/test/resources. */
    static Target plannedTarget(String config, String account, String region) throws IOException {
        Path file = ProjectFiles.path("contract-tests/src/test/resources/" + config);
        return ConfigPlanner.plan(config, Files.readAllBytes(file), new DirectoryPolicyFiles(file.getParent()))
                .plan().targets().stream().filter(t -> t.account().equals(account) && t.region().equals(region))
                .findFirst().orElseThrow(() -> new AssertionError("no planned target " + account + "/" + region));
    }

    /**
     * The environment overrides StartBootstrap sends for the target after PrepareTarget decided to
     * bootstrap it with these accounts to untrust, under a deployment with this permissions boundary
     * (null: none), captured from its BuildRunner port.
     */
    static Map<String, String> overridesFor(Target target, List<String> untrust, String permissionsBoundary) {
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

    BuildRun run(Target target, Map<String, String> extraEnv) throws IOException {
        return run(target, extraEnv, List.of(), null);
    }

    /** Runs each phase's commands with bash, in order, stopping at the first failing command (like CodeBuild). */
    BuildRun run(Target target, Map<String, String> extraEnv, List<String> untrust, String permissionsBoundary)
            throws IOException {
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

    /** {@code cdk} and the arguments of the one cdk invocation other than --version. */
    List<String> cdkBootstrapArguments() throws IOException {
        List<List<String>> cdk = calls("cdk");
        assertThat(cdk).as("cdk invocations other than --version").hasSize(1);
        List<String> command = new ArrayList<>(List.of("cdk"));
        command.addAll(cdk.get(0));
        return command;
    }

    /** The folder the cdk fake ran in. */
    Path cdkWorkingDirectory() throws IOException {
        return Path.of(Files.readString(calls.resolve("cdk.pwd")).strip());
    }

    List<String> cdkEnvironment() throws IOException {
        return Files.readAllLines(calls.resolve("cdk.env"));
    }

    List<List<String>> calls(String tool) throws IOException {
        List<List<String>> found = new ArrayList<>();
        try (var files = Files.list(calls)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(tool + "\\.\\d+"))
                    .sorted((a, b) -> Integer.compare(number(a), number(b))).toList()) {
                found.add(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return found;
    }

    static String valueAfter(List<String> arguments, String option) {
        int index = arguments.indexOf(option);
        assertThat(index).as(option + " in " + arguments).isNotNegative();
        return arguments.get(index + 1);
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
    }

    private void tool(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
