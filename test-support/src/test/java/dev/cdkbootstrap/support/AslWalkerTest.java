package dev.cdkbootstrap.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AslWalkerTest {
    private static final String DEFINITION = """
            {"StartAt": "A", "States": {
              "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "M"},
              "M": {"Type": "Map", "ItemProcessor": {"StartAt": "B", "States": {
                      "B": {"Type": "Task", "Resource": "arn:aws-cn:states:::lambda:invoke", "Next": "P"},
                      "P": {"Type": "Parallel", "Branches": [
                              {"StartAt": "C", "States": {"C": {"Type": "Pass", "End": true}}},
                              {"StartAt": "D", "States": {"D": {"Type": "Task",
                                  "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "End": true}}}],
                            "End": true}}}, "Next": "I"},
              "I": {"Type": "Map", "Iterator": {"StartAt": "E", "States": {"E": {"Type": "Succeed"}}}, "End": true}}}
            """;

    @Test
    void visitsEveryStateDepthFirstInFileOrder() throws Exception {
        JsonNode definition = new ObjectMapper().readTree(DEFINITION);
        List<String> visited = new ArrayList<>();
        AslWalker.forEachState(definition.path("States"), (name, state) -> visited.add(name));
        assertThat(visited).containsExactly("A", "M", "B", "P", "C", "D", "I", "E");
        assertThat(AslWalker.states(definition).keySet()).containsExactly("A", "M", "B", "P", "C", "D", "I", "E");
        assertThat(AslWalker.nested(definition.path("States").path("A"))).isEmpty();
    }

    @Test
    void lambdaInvokeIsTheRequestResponseIntegrationInAnyPartition() throws Exception {
        var states = AslWalker.states(new ObjectMapper().readTree(DEFINITION));
        List<String> invokes = states.entrySet().stream().filter(e -> AslWalker.isLambdaInvoke(e.getValue()))
                .map(e -> e.getKey()).toList();
        assertThat(invokes).containsExactly("A", "B");
    }
}
