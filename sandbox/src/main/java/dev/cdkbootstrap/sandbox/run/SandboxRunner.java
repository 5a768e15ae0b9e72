package dev.cdkbootstrap.sandbox.run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.Sandbox;
import dev.cdkbootstrap.sandbox.deploy.Deployment;
import dev.cdkbootstrap.sandbox.events.ApplicationEvents;
import dev.cdkbootstrap.sandbox.events.EventRule;
import dev.cdkbootstrap.sandbox.events.Schedule;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.support.InputTransformer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Starts runs the way AWS would: uploads cdk-app.yml (after its policy files) to the config bucket
 * and delivers the bucket's "Object Created" event to the matching rule, or delivers new-account
 * events to the NewAccount function; then follows each started execution to its report.
 */
public final class SandboxRunner {
    private final Sandbox sandbox;
    private final Deployment deployment;
    private final PrintStream out;
    private final ApprovalAnswers approvals;

    /** A runner that rejects any run waiting for approval. */
    public SandboxRunner(Sandbox sandbox, Deployment deployment, PrintStream out) {
        this(sandbox, deployment, out, Optional.empty());
    }

    /** @param approval how a run waiting for approval is answered ({@code --approval}); empty: rejected */
    public SandboxRunner(Sandbox sandbox, Deployment deployment, PrintStream out, Optional<Boolean> approval) {
        this.sandbox = sandbox;
        this.deployment = deployment;
        this.out = out;
        this.approvals = new ApprovalAnswers(sandbox, deployment, approval, out);
    }

    /** Uploads the config and its files (relative key → local file), starts the run and waits for it. */
    public RunOutcome uploadAndRun(Path config, Map<String, Path> policyFiles, boolean dryRun)
            throws IOException, InterruptedException {
        return await(uploadAndStart(config, policyFiles, dryRun));
    }

    /** Follows a started execution to its report. */
    public RunOutcome await(String executionArn) throws InterruptedException {
        return watcher().await(executionArn);
    }

    /** Uploads the config and its files and starts the run the upload triggers; returns the execution ARN. */
    public String uploadAndStart(Path config, Map<String, Path> policyFiles, boolean dryRun) throws IOException {
        var s3 = sandbox.clients().s3();
        String bucket = deployment.configBucket();
        String prefix = deployment.configKey().contains("/")
                ? deployment.configKey().substring(0, deployment.configKey().lastIndexOf('/') + 1) : "";
        for (Map.Entry<String, Path> file : policyFiles.entrySet()) {
            s3.putObject(b -> b.bucket(bucket).key(prefix + file.getKey()), RequestBody.fromFile(file.getValue()));
        }
        byte[] content = Files.readAllBytes(config);
        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key(deployment.configKey()), RequestBody.fromBytes(content));
        out.println("sandbox: uploaded " + config + " to s3://" + bucket + "/" + deployment.configKey()
                + (policyFiles.isEmpty() ? "" : " with " + policyFiles.size() + " policy file(s)")
                + " (version " + put.versionId() + ")");
        if (dryRun) {
            ObjectNode input = Json.tolerant().createObjectNode().put("bucket", bucket).put("key", deployment.configKey())
                    .put("dryRun", true).put("trigger", "manual");
            if (put.versionId() != null) {
                input.put("versionId", put.versionId());
            }
            out.println("sandbox: --dry-run: the upload's event is not delivered; starting the execution by hand, "
                    + "as an operator would; input " + input);
            return start(input.toString());
        }
        ObjectNode event = ApplicationEvents.objectCreated(sandbox.deploymentAccount(), deployment.region(),
                bucket, deployment.configKey(), content.length, put.eTag(), put.versionId());
        return deliverToStateMachine(event);
    }

    /** Starts an execution with {@code input} (the execution input reference), as an operator would; waits for it. */
    public RunOutcome startByHand(String input) throws InterruptedException {
        out.println("sandbox: started an execution by hand with input " + input);
        return watcher().await(start(input));
    }

    /**
     * What EventBridge Scheduler does when {@code schedule} fires (moto never fires one): StartExecution of its
     * target with its Input, under a name Step Functions makes up; then follows the run to its report.
     */
    public RunOutcome startScheduled(Schedule schedule) throws InterruptedException {
        String name = UUID.randomUUID().toString();
        String executionArn = sandbox.clients().sfn().startExecution(b -> b.stateMachineArn(schedule.targetArn())
                .name(name).input(schedule.input())).executionArn();
        return watcher().await(executionArn);
    }

    /**
     * A new account's events in the order AWS sends them: the Organizations CreateAccountResult first,
     * and every run it started is followed to its end; then {@code enrolled} (Control Tower enrolled the
     * account, so the StackSet gives it the target role) and the Control Tower CreateManagedAccount event,
     * whose runs are followed too.
     */
    public List<RunOutcome> newAccount(String account, Runnable enrolled) throws IOException, InterruptedException {
        List<RunOutcome> outcomes = new ArrayList<>();
        for (String executionArn : deliver(ApplicationEvents.organizationsAccountCreated(
                sandbox.deploymentAccount(), account), account)) {
            outcomes.add(watcher().await(executionArn));
        }
        enrolled.run();
        for (String executionArn : deliver(ApplicationEvents.controlTowerAccountManaged(
                sandbox.deploymentAccount(), deployment.region(), account), account)) {
            outcomes.add(watcher().await(executionArn));
        }
        return outcomes;
    }

    /** Delivers one event to every function whose rule matches it; the executions those started. */
    private Set<String> deliver(JsonNode event, String account) throws IOException {
        Set<String> started = new LinkedHashSet<>();
        for (EventRule rule : deployment.rules()) {
            if (rule.target().kind() != EventRule.TargetKind.FUNCTION || !rule.matches(event)) {
                continue;
            }
            String function = rule.target().arnOrName();
            Reply reply = sandbox.lambdas().invoke(function, sandbox.lambdas().handler(function).orElseThrow(),
                    event.toString().getBytes(StandardCharsets.UTF_8), deployment.region());
            JsonNode result = Json.tolerant().readTree(reply.body());
            out.println("sandbox: delivered the " + event.path("source").asText() + " "
                    + event.path("detail").path("eventName").asText() + " event for " + account + " to " + function
                    + " (rule " + rule.name() + "): " + (reply.headers().containsKey("X-Amz-Function-Error")
                    ? "error " + result.path("errorType").asText() + ": " + result.path("errorMessage").asText()
                    : result.path("action").asText() + " " + result.path("reason").asText()));
            if ("STARTED".equals(result.path("action").asText()) && result.hasNonNull("executionArn")) {
                started.add(result.path("executionArn").asText());
            }
        }
        return started;
    }

    private String deliverToStateMachine(JsonNode event) {
        for (EventRule rule : deployment.rules()) {
            Optional<String> input = rule.stateMachineInput(event);
            if (input.isPresent()) {
                out.println("sandbox: moto's EventBridge cannot start Step Functions from an S3 event, so the sandbox "
                        + "delivered the 'Object Created' event to rule " + rule.name() + " itself, InputTransformer applied: "
                        + InputTransformer.parse(input.get()));
                return start(input.get());
            }
        }
        throw new IllegalStateException("no rule of template.yaml matches the upload of " + deployment.configKey());
    }

    private String start(String input) {
        String name = UUID.randomUUID().toString();
        return sandbox.clients().sfn().startExecution(b -> b.stateMachineArn(deployment.stateMachineArn())
                .name(name).input(input)).executionArn();
    }

    private RunWatcher watcher() {
        return new RunWatcher(sandbox.clients().sfn(), sandbox.clients().s3(), deployment.configBucket(),
                deployment.runsRoot(), out,
                () -> Activity.describe(sandbox.lambdas().running(), sandbox.codeBuild().runningBuilds()),
                sandbox::executionLost, sandbox.limits().history(), approvals);
    }
}
