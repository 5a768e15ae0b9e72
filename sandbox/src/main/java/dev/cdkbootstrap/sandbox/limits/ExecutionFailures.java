package dev.cdkbootstrap.sandbox.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Executions the sandbox failed because they broke a limit, and how they are reported. moto cannot
 * fail an execution from outside: the sandbox stops it (StopExecution; moto 5.2.1 drops StopExecution's
 * error and cause and would report ABORTED) and answers DescribeExecution and GetExecutionHistory for it
 * itself, as AWS would report the failure: status FAILED with the error and cause, and a history that
 * ends in an ExecutionFailed event (after event {@code limit - 1} for the history quota). This route
 * must come before the StartExecution workaround's, which serves the executions of re-created machines.
 */
public final class ExecutionFailures implements Route {
    private static final String SFN = "AWSStepFunctions.";
    private static final Set<String> TERMINAL = Set.of("ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted",
            "ExecutionTimedOut");

    /** @param historyCut events kept before the failure event (the history quota), or -1 */
    record Failure(String error, String cause, double at, int historyCut) {}

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, String> lastAnswers = new ConcurrentHashMap<>();
    private final Executions executions;
    private final MotoForwarder moto;

    public ExecutionFailures(Executions executions, MotoForwarder moto) {
        this.executions = executions;
        this.moto = moto;
    }

    public boolean failed(String executionArn) {
        return failures.containsKey(executionArn);
    }

    /**
     * Fails {@code executionArn} (the first failure wins) and stops it in moto.
     *
     * @return whether moto stopped it: false when it had ended already or moto no longer knows it
     *         (its machine was re-created by the StartExecution workaround)
     */
    boolean fail(String executionArn, String error, String cause, int historyCut) {
        Failure failure = new Failure(error, AwsLimits.cutCause(cause), System.currentTimeMillis() / 1000.0, historyCut);
        if (failures.putIfAbsent(executionArn, failure) != null) {
            return false;
        }
        String[] arn = executionArn.split(":");
        ObjectNode stop = Json.tolerant().createObjectNode().put("executionArn", executionArn)
                .put("error", error).put("cause", failure.cause());
        try {
            Reply reply = moto.json("states", arn[3], arn[4], SFN + "StopExecution", stop.toString());
            describe(executionArn, moto); // remember the execution while moto still knows it
            return reply.status() == 200;
        } catch (UncheckedIOException motoGone) {
            return false;
        }
    }

    @Override
    public Optional<Reply> handle(Exchange exchange, MotoForwarder forwarder) throws IOException {
        String target = exchange.target();
        if (!target.equals(SFN + "DescribeExecution") && !target.equals(SFN + "GetExecutionHistory")) {
            return Optional.empty();
        }
        String executionArn = Json.tolerant().readTree(exchange.body()).path("executionArn").asText();
        if (!failures.containsKey(executionArn)) {
            return Optional.empty();
        }
        String body = target.endsWith("DescribeExecution") ? describe(executionArn, forwarder) : history(executionArn, forwarder);
        return Optional.ofNullable(body).map(b -> Reply.json(200, b));
    }

    private String describe(String executionArn, MotoForwarder forwarder) {
        Failure failure = failures.get(executionArn);
        ObjectNode answer = motoAnswer(forwarder, executionArn, "DescribeExecution")
                .or(() -> executions.byArn(executionArn).map(ExecutionFailures::fromStart))
                .orElse(null);
        if (answer == null) {
            return lastAnswers.get("describe " + executionArn);
        }
        answer.put("status", "FAILED").put("error", failure.error()).put("cause", failure.cause());
        if (!answer.has("stopDate") || answer.path("stopDate").isNull()) {
            answer.put("stopDate", failure.at());
        }
        answer.remove("output");
        answer.remove("outputDetails");
        lastAnswers.put("describe " + executionArn, answer.toString());
        return answer.toString();
    }

    private String history(String executionArn, MotoForwarder forwarder) {
        Failure failure = failures.get(executionArn);
        Optional<ObjectNode> answer = motoAnswer(forwarder, executionArn, "GetExecutionHistory");
        if (answer.isEmpty()) {
            return lastAnswers.get("history " + executionArn);
        }
        ArrayNode kept = Json.tolerant().createArrayNode();
        for (JsonNode event : answer.get().path("events")) {
            if (TERMINAL.contains(event.path("type").asText())
                    || (failure.historyCut() >= 0 && kept.size() >= failure.historyCut())) {
                break;
            }
            kept.add(event);
        }
        ObjectNode failed = kept.addObject().put("timestamp", failure.at()).put("type", "ExecutionFailed")
                .put("id", kept.size()).put("previousEventId", kept.size() - 1);
        failed.putObject("executionFailedEventDetails").put("error", failure.error()).put("cause", failure.cause());
        String body = Json.tolerant().createObjectNode().set("events", kept).toString();
        lastAnswers.put("history " + executionArn, body);
        return body;
    }

    private static Optional<ObjectNode> motoAnswer(MotoForwarder forwarder, String executionArn, String operation) {
        String[] arn = executionArn.split(":");
        Reply reply = forwarder.json("states", arn[3], arn[4], SFN + operation,
                Json.tolerant().createObjectNode().put("executionArn", executionArn).toString());
        try {
            return reply.status() == 200 && Json.tolerant().readTree(reply.body()) instanceof ObjectNode o
                    ? Optional.of(o) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** moto no longer knows the execution (re-created machine): describe it from its StartExecution. */
    private static ObjectNode fromStart(Executions.Started started) {
        ObjectNode answer = Json.tolerant().createObjectNode().put("executionArn", started.executionArn())
                .put("stateMachineArn", started.stateMachineArn()).put("name", started.name())
                .put("startDate", started.startDate()).put("input", started.input());
        answer.putObject("inputDetails").put("included", true);
        return answer;
    }
}
