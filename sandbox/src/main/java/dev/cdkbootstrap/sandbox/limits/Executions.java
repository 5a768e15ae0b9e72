package dev.cdkbootstrap.sandbox.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.ResponseFix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which execution a Lambda invocation belongs to. Every StartExecution that passes the front endpoint
 * is recorded from moto's answer (this is a response fix that changes nothing). An invocation names
 * its run by the payload's {@code runId} (LoadConfig, Summarize) or {@code run.runId} (per-target steps),
 * which is the execution name (docs/contracts.md); the execution is the one of that name in the
 * invocation's region whose state machine invokes the function. Without a run id, the one running
 * execution whose machine invokes the function, if there is exactly one. Also caches each machine's
 * {@link AslIndex}.
 */
public final class Executions implements ResponseFix {
    private static final String SFN = "AWSStepFunctions.";

    /** One started execution as StartExecution saw it. */
    record Started(String executionArn, String stateMachineArn, String name, String input, double startDate) {
        String region() {
            return executionArn.split(":")[3];
        }

        String account() {
            return executionArn.split(":")[4];
        }
    }

    private final Map<String, Started> started = new ConcurrentHashMap<>();
    private final Map<String, AslIndex> definitions = new ConcurrentHashMap<>();
    private final MotoForwarder moto;

    public Executions(MotoForwarder moto) {
        this.moto = moto;
    }

    @Override
    public Reply apply(Exchange request, Reply response) {
        if (response.status() == 200 && request.target().equals(SFN + "StartExecution")) {
            try {
                JsonNode in = Json.tolerant().readTree(request.body());
                JsonNode out = Json.tolerant().readTree(response.body());
                String arn = out.path("executionArn").asText();
                started.putIfAbsent(arn, new Started(arn, in.path("stateMachineArn").asText(),
                        arn.substring(arn.lastIndexOf(':') + 1), in.path("input").asText("{}"),
                        out.path("startDate").asDouble(System.currentTimeMillis() / 1000.0)));
            } catch (IOException | RuntimeException unreadable) {
                // not an answer this fix understands: the invocation will go unlocated and say so
            }
        }
        return response;
    }

    Optional<Started> byArn(String executionArn) {
        return Optional.ofNullable(started.get(executionArn));
    }

    /**
     * The execution an invocation of {@code function} in {@code region} belongs to.
     *
     * @param runId the payload's run id (execution name), or null when the payload has none
     */
    Optional<Started> find(String region, String account, String runId, String function) {
        List<Started> candidates = started.values().stream()
                .filter(s -> s.region().equals(region) && s.account().equals(account))
                .filter(s -> runId == null ? isRunning(s) : s.name().equals(runId))
                .filter(s -> index(s).map(i -> i.references(function)).orElse(runId != null))
                .toList();
        if (runId == null) {
            return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
        }
        // The same name in two machines of one region: the latest started is the one running now.
        return candidates.stream().max(Comparator.comparingDouble(Started::startDate));
    }

    /** The definition of {@code execution}'s state machine, read once per machine. */
    Optional<AslIndex> index(Started execution) {
        try {
            return Optional.of(definitions.computeIfAbsent(execution.stateMachineArn(), arn -> {
                JsonNode machine = call(execution, "DescribeStateMachine", Json.tolerant().createObjectNode().put("stateMachineArn", arn))
                        .orElseThrow(() -> new IllegalStateException("moto does not describe " + arn));
                return AslIndex.parse(machine.path("definition").asText());
            }));
        } catch (IllegalStateException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private boolean isRunning(Started execution) {
        return call(execution, "DescribeExecution", Json.tolerant().createObjectNode().put("executionArn", execution.executionArn()))
                .map(d -> d.path("status").asText().equals("RUNNING")).orElse(false);
    }

    /** A Step Functions call to moto in the execution's account and region; empty unless moto answers 200. */
    Optional<JsonNode> call(Started execution, String operation, ObjectNode body) {
        Reply reply = moto.json("states", execution.region(), execution.account(), SFN + operation, body.toString());
        if (reply.status() != 200) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.tolerant().readTree(reply.body()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
