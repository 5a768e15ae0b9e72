package dev.cdkbootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Walks an Amazon States Language definition: every state, top level first in file order, each
 * followed by the states nested in it (a Map's {@code ItemProcessor} or older {@code Iterator}, a
 * Parallel's {@code Branches}). The one traversal used by the sandbox (limits, deployment
 * adjustments) and the contract tests, so both see the same states. State names are unique across a
 * definition in ASL; {@link #states} keeps the first of a repeated name.
 */
public final class AslWalker {
    /** The service integration a Task uses to invoke a Lambda function (optionally {@code .waitForTaskToken}). */
    public static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

    private AslWalker() {}

    /** Calls {@code visit(name, state)} for every state in {@code states} (a {@code States} object) and below. */
    public static void forEachState(JsonNode states, BiConsumer<String, JsonNode> visit) {
        states.properties().forEach(entry -> {
            visit.accept(entry.getKey(), entry.getValue());
            nested(entry.getValue()).forEach(child -> forEachState(child, visit));
        });
    }

    /** Every state of {@code definition} (the whole ASL document), by name, in walk order. */
    public static Map<String, JsonNode> states(JsonNode definition) {
        Map<String, JsonNode> states = new LinkedHashMap<>();
        forEachState(definition.path("States"), states::putIfAbsent);
        return states;
    }

    /** The {@code States} objects directly inside {@code state}: a Map's processor, a Parallel's branches. */
    public static List<JsonNode> nested(JsonNode state) {
        List<JsonNode> children = new ArrayList<>();
        JsonNode processor = state.has("ItemProcessor") ? state.path("ItemProcessor") : state.path("Iterator");
        if (processor.path("States").isObject()) {
            children.add(processor.path("States"));
        }
        state.path("Branches").forEach(branch -> children.add(branch.path("States")));
        return children;
    }

    /**
     * Whether {@code state} is a Task invoking Lambda through the request-response service integration
     * ({@code arn:<partition>:states:::lambda:invoke}, not the {@code .waitForTaskToken} callback form).
     */
    public static boolean isLambdaInvoke(JsonNode state) {
        return "Task".equals(state.path("Type").asText())
                && state.path("Resource").asText("").matches("arn:[a-z-]+:states:::lambda:invoke");
    }
}
