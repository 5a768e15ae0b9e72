package dev.cdkbootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.ServedSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code bootstrapctl upload | run | status | report} as a person runs them (separate processes, the
 * environment {@code sandbox --serve} prints) against one served sandbox of examples/single-set.yml,
 * whose target 444444444444/eu-west-1 always fails its build.
 */
class DeployedStackE2E {
    private static final String FAILING = "444444444444";
    private static final Pattern STARTED = Pattern.compile("(?m)^(?:started )?run ([0-9a-f-]{36})");

    private static ServedSandbox served;
    /** What the served sandbox printed (also on System.out). */
    private static final java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();

    @TempDir
    Path dir;

    @BeforeAll
    static void serve() throws Exception {
        Path root = Ctl.projectRoot();
        served = ServedSandbox.start(List.of("--config", root.resolve("examples/single-set.yml").toString(),
                "--simulated-builds", "--failing-build", FAILING + "/eu-west-1", "--work-dir", "target/served-e2e"),
                root, new java.io.PrintStream(new java.io.OutputStream() {
                    @Override
                    public synchronized void write(int b) {
                        console.write(b);
                        System.out.write(b);
                    }

                    @Override
                    public synchronized void write(byte[] b, int off, int len) {
                        console.write(b, off, len);
                        System.out.write(b, off, len);
                    }
                }, true, java.nio.charset.StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        if (served != null) {
            served.close();
        }
    }

    private static Ctl.Result ctl(String... args) throws Exception {
        return Ctl.process(served.environment(), args);
    }

    @Test
    void theServedStackHasTheTemplatesOutputs() {
        assertThat(served.stackName()).isEqualTo("sandbox");
        assertThat(served.outputs()).containsKeys("ConfigBucketName", "ConfigKey", "StateMachineArn");
        assertThat(served.outcomes()).hasSize(1);
        assertThat(served.outcomes().get(0).succeeded()).as("the failing build failed the first run").isFalse();
    }

    @Test
    void anInvalidConfigIsRejectedLocallyAndNothingIsUploaded() throws Exception {
        Path config = Files.writeString(dir.resolve("cdk-app.yml"), "cdk_app_config:\n  pipeline:\n    account: \"12\"\n");
        String before = configVersion();
        String latestBefore = latestRun();

        Ctl.Result r = ctl("upload", config.toString(), "--stack", "sandbox");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(config + ":3:14: error:").contains("nothing was uploaded");
        assertThat(r.out()).doesNotContain("uploaded");
        assertThat(configVersion()).isEqualTo(before);
        assertThat(latestRun()).isEqualTo(latestBefore);
    }

    @Test
    void uploadSendsTheFilesThePlanNamesThenTheConfigAndFollowsTheRunItStarts() throws Exception {
        Path config = dir.resolve("cdk-app.yml");
        Files.copy(Ctl.projectRoot().resolve("examples/single-set.yml"), config);
        String policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\","
                + " \"Resource\": \"*\"}]}\n";
        Files.writeString(dir.resolve("execution_policy_222222222222_eu-west-1.json"), policy);
        Files.writeString(dir.resolve("execution_policy_999999999999_eu-west-1.json"), policy); // no such target

        Ctl.Result r = ctl("upload", config.toString(), "--stack", "sandbox", "--wait");

        assertThat(r.code()).as("the failing target fails the run: " + r).isEqualTo(1);
        String bucket = served.outputs().get("ConfigBucketName");
        assertThat(r.out()).contains(config + ": OK, 4 targets",
                "uploaded execution_policy_222222222222_eu-west-1.json to s3://" + bucket + "/execution_policy_222222222222_eu-west-1.json",
                "uploaded " + config + " to s3://" + bucket + "/cdk-app.yml (version " + configVersion() + ")");
        assertThat(r.out().indexOf("uploaded execution_policy")).isLessThan(r.out().indexOf("uploaded " + config));
        String runId = runIdIn(r.out());
        assertThat(r.out()).contains("Run " + runId + ": execution FAILED").containsPattern(FAILING + " +eu-west-1 +FAILED");
        try (S3Client s3 = served.session().sandbox().clients().s3()) {
            assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("execution_policy_")).contents())
                    .extracting(o -> o.key()).containsExactly("execution_policy_222222222222_eu-west-1.json");
        }

        Ctl.Result status = ctl("status", "--stack", "sandbox", runId);
        assertThat(status.code()).isEqualTo(1);
        assertThat(status.out()).contains("Run " + runId + ": execution FAILED").containsPattern(FAILING + " +eu-west-1 +FAILED");

        Ctl.Result json = ctl("report", "--stack", "sandbox", runId, "--format", "json");
        assertThat(json.code()).isEqualTo(1);
        JsonNode report = Json.tolerant().readTree(json.out());
        assertThat(report.path("targets")).hasSize(4);
        assertThat(report.path("config").path("versionId").asText()).isEqualTo(configVersion());
        assertThat(report.path("counts").path("failed").asInt()).isEqualTo(1);
    }

    @Test
    void runWaitExitsZeroWhenNoTargetFailedAndStatusAndReportShowThatRun() throws Exception {
        Ctl.Result r = ctl("run", "--stack", "sandbox", "--accounts", "222222222222,333333333333", "--wait");

        assertThat(r.code()).as(r.toString()).isZero();
        String runId = runIdIn(r.out());
        assertThat(r.out()).contains("\"accounts\":[\"222222222222\",\"333333333333\"]", "Run " + runId + ": execution SUCCEEDED")
                .containsPattern("(?m)^  222222222222 +eu-west-1 ").containsPattern("(?m)^  333333333333 +eu-west-1 ")
                .doesNotContainPattern("(?m)^  " + FAILING);
        assertThat(r.out().lines().toList().getLast()).as("the status line is the last, with the run's time")
                .matches("Run " + runId + " SUCCEEDED in [^:]+: 2 targets: .*");
        // the served sandbox echoes a run started from outside: its start and its status line
        Instant echoDeadline = Instant.now().plusSeconds(20);
        while (!console.toString(java.nio.charset.StandardCharsets.UTF_8).contains("sandbox: Run " + runId + " SUCCEEDED")
                && Instant.now().isBefore(echoDeadline)) {
            Thread.sleep(200);
        }
        assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("sandbox: run " + runId + " started from outside the sandbox, with input")
                .containsPattern("sandbox: Run " + runId + " SUCCEEDED in [^:]+: 2 targets: ");

        try (var sfn = served.session().sandbox().clients().sfn()) { // the first run's machine was re-created since
            assertThat(sfn.listExecutions(b -> b.stateMachineArn(served.outputs().get("StateMachineArn"))).executions())
                    .as("every run stays listed, newest first").extracting(e -> e.name())
                    .startsWith(runId).contains(served.outcomes().get(0).runId());
        }

        Ctl.Result latest = ctl("status", "--stack", "sandbox");
        assertThat(latest.code()).isZero();
        assertThat(latest.out()).contains("Run " + runId + ": execution SUCCEEDED");

        Ctl.Result md = ctl("report", "--stack", "sandbox", runId, "--format", "md");
        assertThat(md.code()).isZero();
        assertThat(md.out()).startsWith("# CDK bootstrap run " + runId).contains("| 222222222222/eu-west-1 |")
                .doesNotContain("| " + FAILING + "/eu-west-1 |");
    }

    @Test
    void aDryRunOfOneAccountPrintsItsIdAndStatusFollowsItToItsTable() throws Exception {
        Ctl.Result r = ctl("run", "--stack", "sandbox", "--dry-run", "--accounts", "333333333333");

        assertThat(r.code()).isZero();
        String runId = runIdIn(r.out());
        assertThat(r.out()).contains("\"dryRun\":true", "follow it: bootstrapctl status --stack sandbox " + runId);
        Ctl.Result status = ctl("status", "--stack", "sandbox", runId);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (status.out().contains("execution RUNNING") && Instant.now().isBefore(deadline)) {
            assertThat(status.code()).isZero();
            assertThat(status.out()).containsPattern("  run " + runId + ": (planning|targets done \\d+/1), state ");
            Thread.sleep(1000);
            status = ctl("status", "--stack", "sandbox", runId);
        }
        assertThat(status.code()).as(status.toString()).isZero();
        assertThat(status.out()).contains("Run " + runId + ": execution SUCCEEDED")
                .containsPattern("333333333333 +eu-west-1 +PLANNED");
    }

    @Test
    void accountsOutsideTheDeployedConfigAreRefusedBeforeAnythingStarts() throws Exception {
        String latestBefore = latestRun();

        Ctl.Result r = ctl("run", "--stack", "sandbox", "--accounts", "222222222222,999999999999", "--wait");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--accounts 999999999999 is not the account of any target of the deployed config",
                "111111111111,222222222222,333333333333,444444444444", "nothing started");
        assertThat(latestRun()).isEqualTo(latestBefore);
    }

    @Test
    void theEndpointCanBeGivenOnTheCommandLineAndUnknownRunsAndStacksAreNamed() throws Exception {
        Map<String, String> env = new HashMap<>(served.environment());
        String endpoint = env.remove("AWS_ENDPOINT_URL");

        Ctl.Result noRun = Ctl.process(env, "status", "--stack", "sandbox", "no-such-run", "--endpoint-url", endpoint);
        Ctl.Result noStack = ctl("report", "--stack", "no-such-stack", "run-1");

        assertThat(noRun.code()).isEqualTo(1);
        assertThat(noRun.err()).startsWith("bootstrapctl status: stack sandbox has no run no-such-run");
        assertThat(noStack.code()).isEqualTo(1);
        assertThat(noStack.err()).startsWith("bootstrapctl report: cannot read stack no-such-stack");
    }

    private static String runIdIn(String out) {
        Matcher m = STARTED.matcher(out);
        assertThat(m.find()).as("a run id in:\n" + out).isTrue();
        return m.group(1);
    }

    private static String configVersion() {
        try (S3Client s3 = served.session().sandbox().clients().s3()) {
            return s3.headObject(b -> b.bucket(served.outputs().get("ConfigBucketName"))
                    .key(served.outputs().get("ConfigKey"))).versionId();
        }
    }

    private static String latestRun() {
        try (var sfn = served.session().sandbox().clients().sfn()) {
            return sfn.listExecutions(b -> b.stateMachineArn(served.outputs().get("StateMachineArn"))).executions()
                    .get(0).name();
        }
    }
}
