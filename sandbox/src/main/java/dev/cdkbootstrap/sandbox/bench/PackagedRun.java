package dev.cdkbootstrap.sandbox.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.Sandbox;
import dev.cdkbootstrap.sandbox.codebuild.BuildSettings;
import dev.cdkbootstrap.sandbox.deploy.Deployment;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Every function of template.yaml, once each, from the package (see {@link PackagedFunctions}) against
 * a fresh sandbox (moto, the local endpoint, local CodeBuild), chained as the state machine chains
 * them for the one target of {@link #CONFIG} (with an execution-policy file, so PrepareTarget creates
 * the policy through IAM): LoadConfig, PrepareTarget, StartBootstrap,
 * CheckBootstrap (while the build runs, then once more after it ended), RecordResult, Summarize, and
 * NewAccount for an account the config does not name. The config is uploaded under another key than
 * the stack's, so the upload starts no state machine run of its own. Open one per chain: a second
 * chain in the same emulator would find the target bootstrapped and skip it.
 */
public final class PackagedRun implements AutoCloseable {
    public static final String CONFIG_KEY = "packaged/cdk-app.yml";
    private static final String PIPELINE_ACCOUNT = "111111111111";
    static final String CONFIG = """
            cdk_app_config:
              pipeline:
                account: "111111111111"
                region: eu-west-1
              deployments:
                - set_name: only
                  stages:
                    - stage_name: dev
                      account: "111111111111"
            """;
    static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "cloudformation:*"], "Resource": "*"}]}
            """;
    private static final String RUN_ID = "packaged-run";

    private final Sandbox sandbox;
    private final Deployment deployment;
    private final PackagedFunctions functions;
    private final java.util.Set<String> rolesCreated = new java.util.HashSet<>();

    private PackagedRun(Sandbox sandbox, Deployment deployment, PackagedFunctions functions) {
        this.sandbox = sandbox;
        this.deployment = deployment;
        this.functions = functions;
    }

    public static PackagedRun open(Path projectRoot, Path workDir, List<String> jvmOptions) throws Exception {
        PackagedFunctions functions = new PackagedFunctions(projectRoot.resolve("functions/target/lambda/lib"),
                workDir.resolve("jvms"), jvmOptions);
        // Deployed into the config's pipeline account, as the README has users do (PipelineAccounts' default).
        Sandbox sandbox = Sandbox.start(projectRoot, workDir, new BuildSettings(List.of(), List.of(), 2, false),
                PIPELINE_ACCOUNT);
        try {
            // The two parameters without a Default take the sandbox's values (SandboxParameters).
            Deployment deployment = sandbox.deploy(Map.of("BuildPollSeconds", "2", "OrganizationId", "NONE",
                    "ConfigPublisherArns", "arn:aws:iam::" + PIPELINE_ACCOUNT + ":user/moto"), 2,
                    new PrintStream(OutputStream.nullOutputStream()));
            sandbox.clients().s3().putObject(b -> b.bucket(deployment.configBucket())
                    .key("packaged/execution_policy_111111111111_eu-west-1.json"), RequestBody.fromString(POLICY));
            sandbox.clients().s3().putObject(b -> b.bucket(deployment.configBucket()).key(CONFIG_KEY),
                    RequestBody.fromString(CONFIG));
            return new PackagedRun(sandbox, deployment, functions);
        } catch (Exception | Error e) {
            sandbox.close();
            throw e;
        }
    }

    public PackagedFunctions functions() {
        return functions;
    }

    /** Runs the chain; each entry is one fresh JVM. {@code prime}: run the SnapStart hook after init. */
    public List<PackagedFunctions.Invocation> runAll(boolean prime) throws Exception {
        List<PackagedFunctions.Invocation> runs = new ArrayList<>();
        ObjectNode execution = Json.strict().createObjectNode().put("bucket", deployment.configBucket())
                .put("key", CONFIG_KEY).put("trigger", "manual");
        // LoadConfig runs only the configured key (ExecutionInputRules): this run's config is that key here.
        Map<String, String> loadEnv = new java.util.HashMap<>(sandbox.functionEnvironment("LoadConfigFunction"));
        loadEnv.put("CONFIG_KEY", CONFIG_KEY);
        var loadConfig = functions.invoke(sandbox, "LoadConfigFunction", Json.strict().writeValueAsBytes(
                Json.strict().createObjectNode().<ObjectNode>set("execution", execution).put("runId", RUN_ID)), prime, loadEnv);
        runs.add(loadConfig);
        JsonNode context = output(loadConfig);

        JsonNode items = Json.strict().readTree(sandbox.clients().s3().getObjectAsBytes(b -> b
                .bucket(context.path("artifactBucket").asText()).key(context.path("itemsKey").asText())).asByteArray());
        JsonNode item = items.isArray() ? items.get(0) : items.path("items").get(0);
        String account = item.path("target").path("account").asText();
        if (rolesCreated.add(account)) {
            sandbox.createTargetRoles(List.of(account), "mlops-cdk");
        }
        ObjectNode state = Json.strict().createObjectNode();
        state.putObject("run").put("runId", RUN_ID).put("dryRun", false)
                .put("artifactBucket", context.path("artifactBucket").asText())
                .put("runFolder", context.path("runFolder").asText()).put("preview", false);
        state.set("item", item);

        JsonNode prepared = output(run(runs, "PrepareTargetFunction", state, prime));
        JsonNode started = output(run(runs, "StartBootstrapFunction", prepared, prime));
        run(runs, "CheckBootstrapFunction", started, prime);
        awaitBuilds(Duration.ofMinutes(3));
        JsonNode ended = output(run(runs, "CheckBootstrapFunction", started, prime));
        JsonNode verified = output(run(runs, "VerifyTargetFunction", ended, prime));
        run(runs, "RecordResultFunction", verified, prime);
        run(runs, "SummarizeFunction", context, prime);

        String event = Files.readString(sandbox.projectRoot().resolve("events/organizations-create-account-succeeded.json"))
                .replace("333333333333", "999999999999");
        // An account the config does not name: NewAccount reads and plans the config, starts nothing.
        Map<String, String> env = new java.util.HashMap<>(sandbox.functionEnvironment("NewAccountFunction"));
        env.put("CONFIG_KEY", CONFIG_KEY);
        runs.add(functions.invoke(sandbox, "NewAccountFunction", event.getBytes(StandardCharsets.UTF_8), prime, env));
        return runs;
    }

    private PackagedFunctions.Invocation run(List<PackagedFunctions.Invocation> runs, String function, JsonNode input,
            boolean prime) throws Exception {
        PackagedFunctions.Invocation invocation = functions.invoke(sandbox, function,
                Json.strict().writeValueAsBytes(input), prime);
        runs.add(invocation);
        return invocation;
    }

    private static JsonNode output(PackagedFunctions.Invocation invocation) throws Exception {
        if (invocation.failed()) {
            throw new IllegalStateException(invocation.function() + " failed: " + invocation.error() + " (log: "
                    + invocation.log() + ")");
        }
        return Json.strict().readTree(invocation.output());
    }

    private void awaitBuilds(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (sandbox.codeBuild().runningBuilds() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the local bootstrap build did not end in " + timeout);
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
