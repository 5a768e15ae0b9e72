package dev.cdkbootstrap.sandbox.limits;

import static dev.cdkbootstrap.sandbox.limits.AwsLimits.bytes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.front.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The limits checked where the sandbox sees a task's data first, its Lambda endpoint: the Invoke
 * request is the task's input, the reply its result (the state's output), both at most
 * {@link AwsLimits#STATE_PAYLOAD_BYTES}; a reply over {@link AwsLimits#LAMBDA_RESPONSE_BYTES} becomes
 * Lambda's own error; an error document over {@link AwsLimits#CAUSE_CHARS} is shortened; and the
 * replies that make up a Map's collected result are added up. A payload over the limit fails the
 * execution (States.DataLimitExceeded) and the reply is held back until it is stopped, so the
 * interpreter never takes a Catch path AWS would not take.
 */
public final class LambdaEndpointLimits implements LambdaLimits {
    private final Executions executions;
    private final ExecutionFailures failures;
    private final LimitNotices notices;
    private final Map<String, long[]> collected = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unmeasurableNoticed = new ConcurrentHashMap<>();

    public LambdaEndpointLimits(Executions executions, ExecutionFailures failures, LimitNotices notices) {
        this.executions = executions;
        this.failures = failures;
        this.notices = notices;
    }

    @Override
    public Reply enforce(Invocation invocation, Supplier<Reply> run) {
        Optional<JsonNode> request = AwsLimits.parse(invocation.payload());
        String runId = runId(request.orElse(null));
        long input = request.map(AwsLimits::jsonBytes).orElse((long) invocation.payload().length);
        if (AwsLimits.overPayload(input)) {
            return refuse(invocation, runId, "input (after Parameters) is " + bytes(input) + " bytes", "received an input");
        }
        Reply reply = run.get();
        if (reply.headers().containsKey("X-Amz-Function-Error")) {
            return fitCause(invocation, reply);
        }
        if (reply.body().length > AwsLimits.LAMBDA_RESPONSE_BYTES) {
            notices.add("the reply of " + invocation.function() + " is " + bytes(reply.body().length) + " bytes, over "
                    + "Lambda's " + bytes(AwsLimits.LAMBDA_RESPONSE_BYTES) + "-byte response limit: replaced by Lambda's "
                    + AwsLimits.RESPONSE_TOO_LARGE + " function error, which the task reports as its error, as in AWS");
            return functionError(reply.status(), AwsLimits.responseTooLarge());
        }
        long result = AwsLimits.payloadBytes(reply.body());
        if (AwsLimits.overPayload(result)) {
            return refuse(invocation, runId, "result is " + bytes(result) + " bytes", "returned a result");
        }
        return addToCollectedResult(invocation, runId, result).orElse(reply);
    }

    /** The run id (= execution name) a workflow payload carries (docs/contracts.md), or null. */
    static String runId(JsonNode payload) {
        if (payload == null) {
            return null;
        }
        JsonNode id = payload.path("runId").isTextual() ? payload.path("runId") : payload.path("run").path("runId");
        return id.isTextual() ? id.asText() : null;
    }

    private Reply refuse(Invocation invocation, String runId, String measured, String verb) {
        Optional<Executions.Started> execution = executions.find(invocation.region(), invocation.account(), runId,
                invocation.function());
        List<String> states = execution.flatMap(executions::index).map(i -> i.states(invocation.function())).orElse(List.of());
        String state = states.isEmpty() ? invocation.function() : String.join("' or '", states);
        String cause = "The state/task '" + state + "' " + verb + " with a size exceeding the maximum number of bytes "
                + "service limit. [sandbox: its " + measured + " (" + invocation.function() + "), over "
                + bytes(AwsLimits.STATE_PAYLOAD_BYTES) + " bytes of UTF-8 JSON]";
        return failExecution(execution, runId, state, cause);
    }

    /** Fails the execution (held reply) or, when that is impossible, answers with a task error. */
    private Reply failExecution(Optional<Executions.Started> execution, String runId, String state, String cause) {
        String what = AwsLimits.DATA_LIMIT_EXCEEDED + " at state '" + state + "': " + cause;
        if (execution.isEmpty()) {
            notices.add(what + " - the sandbox cannot tell which execution this is (run id " + runId
                    + "): the task fails with " + AwsLimits.DATA_LIMIT_EXCEEDED + " instead, which a Catch may take");
        } else if (failures.failed(execution.get().executionArn())) {
            return dataLimitError(cause); // already failed (e.g. by another child): nothing more to do
        } else if (failures.fail(execution.get().executionArn(), AwsLimits.DATA_LIMIT_EXCEEDED, cause, -1)) {
            notices.add(what + " - AWS fails the execution (States.ALL does not catch this error): the sandbox stopped "
                    + execution.get().name() + " and reports it FAILED");
        } else {
            notices.add(what + " - moto could not stop " + execution.get().name() + " (ended, or its machine was "
                    + "re-created by the StartExecution workaround): it is reported FAILED, but moto's interpreter goes on "
                    + "with a " + AwsLimits.DATA_LIMIT_EXCEEDED + " task error, which a Catch may take");
        }
        return dataLimitError(cause);
    }

    /**
     * A Map without ResultWriter puts every child's output into its result (docs/sandbox.md): its
     * size is the JSON array of the outputs, {@code 2 + sum + (count - 1)} bytes.
     */
    private Optional<Reply> addToCollectedResult(Invocation invocation, String runId, long output) {
        Optional<Executions.Started> execution = executions.find(invocation.region(), invocation.account(), runId,
                invocation.function());
        Optional<AslIndex> index = execution.flatMap(executions::index);
        if (index.isEmpty() || failures.failed(execution.get().executionArn())) {
            return Optional.empty();
        }
        index.get().unmeasurableMaps().forEach((map, why) -> {
            if (unmeasurableNoticed.putIfAbsent(execution.get().stateMachineArn() + map, true) == null) {
                notices.add("the sandbox cannot add up the result Map state '" + map + "' collects: " + why);
            }
        });
        Optional<String> map = index.get().collectingMap(invocation.function());
        if (map.isEmpty()) {
            return Optional.empty();
        }
        long[] total = collected.computeIfAbsent(execution.get().executionArn() + " " + map.get(), k -> new long[2]);
        long count;
        long size;
        synchronized (total) {
            count = ++total[0];
            total[1] += output;
            size = collectedSize(count, total[1]);
        }
        if (!AwsLimits.overPayload(size)) {
            return Optional.empty();
        }
        String cause = "The state/task '" + map.get() + "' returned a result with a size exceeding the maximum number of "
                + "bytes service limit. [sandbox: without a ResultWriter the Map collects every child's output into its "
                + "result; " + count + " outputs so far make " + bytes(size) + " bytes, over " + bytes(AwsLimits.STATE_PAYLOAD_BYTES)
                + "; AWS fails when the Map ends, the sandbox as soon as the sum is over]";
        return Optional.of(failExecution(execution, runId, map.get(), cause));
    }

    /** Bytes of a JSON array of {@code count} elements whose texts add up to {@code sum} bytes. */
    static long collectedSize(long count, long sum) {
        return 2 + sum + Math.max(0, count - 1);
    }

    private Reply fitCause(Invocation invocation, Reply reply) {
        Optional<JsonNode> document = AwsLimits.parse(reply.body());
        if (document.isEmpty() || !(document.get() instanceof ObjectNode error)) {
            return reply;
        }
        return AwsLimits.fitErrorDocument(error).map(fitted -> {
            notices.add("the error of " + invocation.function() + " (" + error.path("errorType").asText() + ") is "
                    + bytes(error.toString().length()) + " characters; a cause keeps at most " + bytes(AwsLimits.CAUSE_CHARS)
                    + ": the sandbox shortened its message to fit. AWS cuts the cause text itself, which leaves JSON that no "
                    + "longer parses (States.StringToJson on it would fail in AWS)");
            return functionError(reply.status(), fitted);
        }).orElse(reply);
    }

    private static Reply dataLimitError(String cause) {
        return functionError(200, Json.tolerant().createObjectNode().put("errorMessage", cause)
                .put("errorType", AwsLimits.DATA_LIMIT_EXCEEDED));
    }

    private static Reply functionError(int status, ObjectNode document) {
        Reply reply = Reply.of(status, "application/json", document.toString());
        reply.headers().put("X-Amz-Function-Error", List.of("Unhandled"));
        reply.headers().put("X-Amz-Executed-Version", List.of("$LATEST"));
        return reply;
    }
}
