package dev.cdkbootstrap.sandbox.quirks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.Route;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * moto 5.2.1 quirk: once a state machine has run, StartExecution with a NEW name answers 500
 * ({@code cannot pickle '_thread.RLock'}: moto deep-copies the machine with its backend, so with the
 * executions of every machine in that account and region; fixed in 5.2.3). Before such a call every
 * machine there that has run is deleted and re-created with the same name, definition and role (so
 * the same ARN). Re-creating forgets the old executions, so first their
 * final DescribeExecution / GetExecutionHistory answers are kept here and served later, and a
 * StartExecution reusing one of their names gets ExecutionAlreadyExists, as in AWS, and ListExecutions
 * lists them after moto's own (newest first, as in AWS). An execution still running at that moment keeps
 * running but is {@link #lost} to the API.
 */
public final class StartExecutionRecreate implements Route {
    private static final String SFN = "AWSStepFunctions.";

    private final Map<String, String> retiredDescriptions = new ConcurrentHashMap<>();
    private final Map<String, String> retiredHistories = new ConcurrentHashMap<>();
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    private final PrintStream log;

    public StartExecutionRecreate(PrintStream log) {
        this.log = log;
    }

    /**
     * Whether the execution was still RUNNING when its machine was re-created (e.g. two uploads in
     * flight): it runs on in moto's interpreter, but no API call reaches it any more, so its end must be
     * read from what it writes (the run's report.json).
     */
    public boolean lost(String executionArn) {
        return lost.contains(executionArn);
    }

    @Override
    public Optional<Reply> handle(Exchange exchange, MotoForwarder moto) throws IOException {
        String target = exchange.target();
        if (!target.startsWith(SFN)) {
            return Optional.empty();
        }
        JsonNode request = Json.tolerant().readTree(exchange.body());
        return switch (target.substring(SFN.length())) {
            case "StartExecution" -> startExecution(request, exchange, moto);
            case "DescribeExecution" -> retired(retiredDescriptions, request.path("executionArn").asText());
            case "GetExecutionHistory" -> retired(retiredHistories, request.path("executionArn").asText());
            case "ListExecutions" -> listWithRetired(request, exchange, moto);
            default -> Optional.empty();
        };
    }

    private static Optional<Reply> retired(Map<String, String> answers, String executionArn) {
        return Optional.ofNullable(answers.get(executionArn)).map(body -> Reply.json(200, body));
    }

    /**
     * moto's list of the machine's executions (all since it was last re-created) followed by the retired
     * ones, newest first, cut at maxResults. Only a first page is completed: a request with a nextToken
     * goes to moto unchanged.
     */
    private Optional<Reply> listWithRetired(JsonNode request, Exchange exchange, MotoForwarder moto) throws IOException {
        String machineArn = request.path("stateMachineArn").asText();
        String prefix = machineArn.replace(":stateMachine:", ":execution:") + ":";
        if (request.hasNonNull("nextToken") || retiredDescriptions.keySet().stream().noneMatch(a -> a.startsWith(prefix))) {
            return Optional.empty();
        }
        Reply reply = moto.forward(exchange);
        if (reply.status() != 200) {
            return Optional.of(reply);
        }
        ObjectNode answer = (ObjectNode) Json.tolerant().readTree(reply.body());
        List<JsonNode> executions = new ArrayList<>();
        answer.path("executions").forEach(executions::add);
        String statusFilter = request.path("statusFilter").asText("");
        for (Map.Entry<String, String> retired : retiredDescriptions.entrySet()) {
            JsonNode d = Json.tolerant().readTree(retired.getValue());
            if (retired.getKey().startsWith(prefix) && (statusFilter.isEmpty() || statusFilter.equals(d.path("status").asText()))) {
                ObjectNode item = Json.tolerant().createObjectNode();
                for (String field : new String[] {"executionArn", "stateMachineArn", "name", "status", "startDate", "stopDate"}) {
                    if (d.has(field)) {
                        item.set(field, d.get(field));
                    }
                }
                executions.add(item);
            }
        }
        executions.sort(Comparator.comparingDouble((JsonNode e) -> e.path("startDate").asDouble()).reversed());
        int max = request.path("maxResults").asInt(0) > 0 ? request.path("maxResults").asInt() : executions.size();
        answer.putArray("executions").addAll(executions.subList(0, Math.min(max, executions.size())));
        log.println("sandbox: ListExecutions of " + machineArn + " completed with the executions moto forgot when the"
                + " machine was re-created (moto 5.2.1 StartExecution bug)");
        return Optional.of(reply.withBody(answer.toString()));
    }

    private synchronized Optional<Reply> startExecution(JsonNode request, Exchange exchange, MotoForwarder moto)
            throws IOException {
        String machineArn = request.path("stateMachineArn").asText();
        String[] arn = machineArn.split(":");
        if (arn.length < 7) {
            return Optional.empty();
        }
        String region = arn[3];
        String account = arn[4];
        String name = request.path("name").asText("");
        String executionArn = "arn:" + arn[1] + ":states:" + region + ":" + account + ":execution:" + arn[6] + ":" + name;
        if (!name.isEmpty() && (retiredDescriptions.containsKey(executionArn) || lost.contains(executionArn))) {
            return Optional.of(Reply.json(400, Json.tolerant().createObjectNode().put("__type", "ExecutionAlreadyExists")
                    .put("message", "Execution Already Exists: '" + executionArn + "'").toString()));
        }
        JsonNode executions = call(moto, region, account, "ListExecutions",
                Json.tolerant().createObjectNode().put("stateMachineArn", machineArn)).path("executions");
        for (JsonNode execution : executions) {
            if (execution.path("name").asText().equals(name)) {
                return Optional.empty(); // moto de-duplicates a repeated name itself
            }
        }
        // moto deep-copies the machine together with its backend, i.e. with every machine's executions
        // in this account and region: every machine that has run must be re-created, not only this one.
        for (JsonNode machine : call(moto, region, account, "ListStateMachines", Json.tolerant().createObjectNode())
                .path("stateMachines")) {
            recreateIfItRan(moto, region, account, machine.path("stateMachineArn").asText());
        }
        return Optional.empty();
    }

    private void recreateIfItRan(MotoForwarder moto, String region, String account, String machineArn) throws IOException {
        JsonNode executions = call(moto, region, account, "ListExecutions",
                Json.tolerant().createObjectNode().put("stateMachineArn", machineArn)).path("executions");
        if (executions.isEmpty()) {
            return;
        }
        for (JsonNode execution : executions) {
            if (execution.path("status").asText().equals("RUNNING")) {
                // Its final answers do not exist yet; moto will not show them either (see lost()).
                lost.add(execution.path("executionArn").asText());
                continue;
            }
            ObjectNode byArn = Json.tolerant().createObjectNode().put("executionArn", execution.path("executionArn").asText());
            retiredDescriptions.put(execution.path("executionArn").asText(),
                    call(moto, region, account, "DescribeExecution", byArn).toString());
            retiredHistories.put(execution.path("executionArn").asText(),
                    call(moto, region, account, "GetExecutionHistory", byArn.put("maxResults", 1000)).toString());
        }
        JsonNode machine = call(moto, region, account, "DescribeStateMachine",
                Json.tolerant().createObjectNode().put("stateMachineArn", machineArn));
        call(moto, region, account, "DeleteStateMachine", Json.tolerant().createObjectNode().put("stateMachineArn", machineArn));
        call(moto, region, account, "CreateStateMachine", Json.tolerant().createObjectNode()
                .put("name", machine.path("name").asText())
                .put("definition", machine.path("definition").asText())
                .put("roleArn", machine.path("roleArn").asText())
                .put("type", machine.path("type").asText("STANDARD")));
        log.println("sandbox: re-created state machine " + machine.path("name").asText()
                + " before a new execution (moto 5.2.1 StartExecution bug)");
    }

    private static JsonNode call(MotoForwarder moto, String region, String account, String operation, JsonNode body)
            throws IOException {
        Reply reply = moto.json("states", region, account, SFN + operation, body.toString());
        if (reply.status() != 200) {
            throw new IllegalStateException("moto " + operation + " answered " + reply.status() + ": " + reply.bodyText());
        }
        return Json.tolerant().readTree(reply.body());
    }
}
