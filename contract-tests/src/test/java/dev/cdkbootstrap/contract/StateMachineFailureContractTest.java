package dev.cdkbootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** statemachine/bootstrap.asl.json's failure paths: every run that fails says why, once (docs/contracts.md). */
class StateMachineFailureContractTest {
    private final JsonNode definition = BootstrapStateMachine.definition();

    @Test
    void aRunThatFailsBeforeItsReportIsToldItsErrorMessageAndFailsWithTheOriginalError() {
        JsonNode states = definition.path("States");
        assertThat(catcherFor(states.path("LoadConfig"), "States.ALL").path("Next").asText()).isEqualTo("ExplainRunFailed");
        assertThat(catcherFor(states.path("Summarize"), "States.ALL").path("Next").asText()).isEqualTo("ExplainRunFailed");
        // Only a message reaches the notification: a Lambda error's JSON cause gives its errorMessage.
        assertThat(states.path("ExplainRunFailed").path("Next").asText()).isEqualTo("CauseIsLambdaError");
        JsonNode isJson = states.path("CauseIsLambdaError").path("Choices").get(0);
        assertThat(isJson.path("Variable").asText()).isEqualTo("$.cause");
        assertThat(isJson.path("StringMatches").asText()).isEqualTo("{*}");
        assertThat(states.path("CauseIsLambdaError").path("Default").asText()).isEqualTo("NotifyRunFailed");
        assertThat(states.path(isJson.path("Next").asText()).path("Parameters").path("lambdaError.$").asText())
                .isEqualTo("States.StringToJson($.cause)");
        JsonNode hasMessage = states.path("HasErrorMessage");
        assertThat(hasMessage.path("Choices").get(0).path("Variable").asText()).isEqualTo("$.lambdaError.errorMessage");
        assertThat(states.path(hasMessage.path("Choices").get(0).path("Next").asText()).path("Parameters")
                .path("cause.$").asText()).isEqualTo("$.lambdaError.errorMessage");
        for (String kept : List.of("KeepErrorMessage", "KeepErrorType")) {
            assertThat(states.path(kept).path("Parameters").has("lambdaError.$")).as(kept).isFalse();
            assertThat(states.path(kept).path("Next").asText()).as(kept).isEqualTo("NotifyRunFailed");
        }
        JsonNode notify = states.path("NotifyRunFailed");
        assertThat(notify.path("Resource").asText()).isEqualTo("arn:aws:states:::sns:publish");
        assertThat(notify.path("Parameters").path("TopicArn").asText()).isEqualTo("${ReportTopicArn}");
        assertThat(notify.path("Next").asText()).isEqualTo("RunFailed");
        assertThat(catcherFor(notify, "States.ALL").path("Next").asText()).as("a failed notification still fails the run")
                .isEqualTo("RunFailed");
        assertThat(states.path("RunFailed").path("Type").asText()).isEqualTo("Fail");
        assertThat(states.path("RunFailed").path("ErrorPath").asText()).isEqualTo("$.error");

        // TargetsFailed already has its report and summary: fail with it, no second notification.
        JsonNode targetsFailed = catcherFor(states.path("Summarize"), "dev.cdkbootstrap.workflow.error.TargetsFailed");
        assertThat(states.path("Summarize").path("Catch").get(0)).isEqualTo(targetsFailed);
        JsonNode fail = states.path(targetsFailed.path("Next").asText());
        assertThat(fail.path("Type").asText()).isEqualTo("Fail");
        assertThat(fail.path("ErrorPath").asText()).isEqualTo("$.error.Error");
        assertThat(fail.path("CausePath").asText()).isEqualTo("$.error.Cause");
    }

    @Test
    void configInvalidFailsTheExecutionWithTheErrorLinesAsCause() {
        JsonNode loadConfig = definition.path("States").path("LoadConfig");
        JsonNode catcher = loadConfig.path("Catch").path(0);
        assertThat(catcher.path("ErrorEquals").get(0).asText()).isEqualTo("dev.cdkbootstrap.workflow.error.ConfigInvalid");
        String state = catcher.path("Next").asText();
        while (!"Fail".equals(definition.path("States").path(state).path("Type").asText())) {
            state = definition.path("States").path(state).path("Next").asText();
            assertThat(state).as("the ConfigInvalid path ends in a Fail state").isNotEmpty();
        }
        JsonNode fail = definition.path("States").path(state);
        assertThat(fail.path("ErrorPath").asText()).isEqualTo("$.error");
        assertThat(fail.path("CausePath").asText()).isEqualTo("$.cause.errorMessage");
    }

    private static JsonNode catcherFor(JsonNode task, String error) {
        for (JsonNode catcher : task.path("Catch")) {
            for (JsonNode e : catcher.path("ErrorEquals")) {
                if (e.asText().equals(error)) {
                    return catcher;
                }
            }
        }
        throw new AssertionError("no Catch for " + error + " in " + task);
    }
}
