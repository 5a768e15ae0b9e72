package dev.cdkbootstrap.sandbox.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.limits.LambdaLimits;
import dev.cdkbootstrap.sandbox.limits.SandboxLimits;
import dev.cdkbootstrap.workflow.RunLayout;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the Lambda endpoint's limit checks cost per invocation of a run of the project's workflow:
 * {@code targets} x 5 per-target invocations (PrepareTarget, StartBootstrap, CheckBootstrap twice,
 * RecordResult) with ~2 KB payloads, the execution located by its run id and the workflow's definition
 * read once (from a stub standing in for moto). Prints microseconds per invocation; the handlers'
 * own work and moto's are not included.
 *
 * <p>Usage: {@code LimitsBenchmark [targets]} (default 1000), from the project root.
 */
public final class LimitsBenchmark {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:sandbox-";
    private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:sandbox-Orchestrator";

    private LimitsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int targets = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        String definition = Files.readString(Path.of("statemachine/bootstrap.asl.json"));
        for (String step : List.of("LoadConfig", "PrepareTarget", "StartBootstrap", "CheckBootstrap", "RecordResult", "Summarize")) {
            definition = definition.replace("${" + step + "FunctionArn}", ARN + step + "Function:live");
        }
        HttpServer moto = stubMoto(Json.tolerant().createObjectNode().put("definition", definition).toString());
        try {
            SandboxLimits limits = new SandboxLimits(new MotoForwarder(URI.create("http://127.0.0.1:" + moto.getAddress().getPort())),
                    new PrintStream(OutputStream.nullOutputStream()));
            String runId = "7f6c2f0e-0000-4000-8000-000000000001";
            started(limits, runId);
            byte[] state = targetState(runId).getBytes(StandardCharsets.UTF_8);
            Reply reply = Reply.of(200, "application/json", targetState(runId));
            Reply result = Reply.of(200, "application/json", "{\"account\":\"111111111111\",\"region\":\"eu-west-1\",\"outcome\":\"BOOTSTRAPPED\"}");
            List<String> steps = List.of("PrepareTarget", "StartBootstrap", "CheckBootstrap", "CheckBootstrap", "RecordResult");
            for (int round = 1; round <= 2; round++) { // the first round warms the JIT up
                long start = System.nanoTime();
                for (int t = 0; t < targets; t++) {
                    for (String step : steps) {
                        Reply out = step.equals("RecordResult") ? result : reply;
                        limits.lambdaEndpoint().enforce(new LambdaLimits.Invocation("sandbox-" + step + "Function", "us-east-1",
                                "123456789012", state), () -> out);
                    }
                }
                long micros = (System.nanoTime() - start) / 1000;
                System.out.printf("round %d: %d targets, %d invocations, %.1f ms in all, %.1f us per invocation%n", round,
                        targets, targets * steps.size(), micros / 1000.0, (double) micros / (targets * steps.size()));
            }
        } finally {
            moto.stop(0);
        }
    }

    /** The StartExecution the front endpoint would have seen, recorded by the limits' response fix. */
    private static void started(SandboxLimits limits, String runId) {
        Exchange request = new Exchange("POST", URI.create("/"), Map.of("X-Amz-Target", List.of("AWSStepFunctions.StartExecution")),
                ("{\"stateMachineArn\":\"" + MACHINE + "\",\"name\":\"" + runId + "\",\"input\":\"{}\"}").getBytes(StandardCharsets.UTF_8));
        Reply answer = Reply.json(200, "{\"executionArn\":\"" + MACHINE.replace("stateMachine", "execution") + ":" + runId
                + "\",\"startDate\":1.0}");
        limits.responseFixes().forEach(fix -> fix.apply(request, answer));
    }

    /** A per-target payload of about 2 KB, shaped like TargetState (docs/contracts.md). */
    private static String targetState(String runId) {
        ObjectNode state = Json.tolerant().createObjectNode();
        state.putObject("run").put("runId", runId).put("dryRun", false).put("artifactBucket", "sandbox-artifacts")
                .put("runFolder", RunLayout.RUNS_ROOT + runId + "/").put("preview", false);
        ObjectNode target = state.putObject("item").putObject("target").put("account", "111111111111").put("region", "eu-west-1")
                .put("partition", "aws").put("qualifier", "hnb659fds").put("toolkitStackName", "CDKToolkit");
        target.putArray("trust").add("222222222222").add("333333333333");
        target.putArray("bootstrapCommand").add("cdk").add("bootstrap").add("aws://111111111111/eu-west-1")
                .add("--cloudformation-execution-policies").add("arn:aws:iam::aws:policy/AdministratorAccess");
        state.put("decision", "BOOTSTRAP").put("reason", "toolkit stack CDKToolkit not found ".repeat(20));
        state.putObject("build").put("id", "sandbox-BootstrapProject:" + runId).put("status", "IN_PROGRESS")
                .put("logsUrl", "https://us-east-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/x/build/" + runId);
        return state.toString();
    }

    private static HttpServer stubMoto(String describeStateMachine) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", http -> {
            byte[] body = describeStateMachine.getBytes(StandardCharsets.UTF_8);
            http.sendResponseHeaders(200, body.length);
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
