package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Configs.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.inmemory.InMemoryExecutions;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.NewAccountResult;
import dev.cdkbootstrap.workflow.model.NewAccountResult.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewAccountStepTest {
    private static final String STATE_MACHINE = "arn:aws:states:eu-west-1:999999999999:stateMachine:cdk-bootstrap";
    private final InMemoryObjectStore store = Configs.validConfigIn(new InMemoryObjectStore());
    private final InMemoryExecutions executions = new InMemoryExecutions();
    private final NewAccountStep step = new NewAccountStep(store, executions,
            new NewAccountStep.Settings(BUCKET, "team/cdk-app.yml", STATE_MACHINE));

    static JsonNode organizationsEvent(String state, String account) throws Exception {
        return Json.tolerant().readTree("{\"detail\":{\"eventName\":\"CreateAccountResult\",\"serviceEventDetails\":"
                + "{\"createAccountStatus\":{\"state\":\"" + state + "\",\"accountId\":\"" + account + "\"}}}}");
    }

    static JsonNode controlTowerEvent(String block, String state, String account) throws Exception {
        return Json.tolerant().readTree("{\"detail\":{\"serviceEventDetails\":{\"" + block + "\":{\"state\":\""
                + state + "\",\"message\":\"anything\",\"account\":{\"accountId\":\"" + account + "\"}}}}}");
    }

    @Test
    void aCreatedAccountInTheConfigStartsARunFilteredToIt() throws Exception {
        NewAccountResult result = step.run(organizationsEvent("SUCCEEDED", "111111111111"));

        assertThat(result.action()).isEqualTo(Action.STARTED);
        assertThat(result.executionArn()).contains(":execution:cdk-bootstrap:new-account-111111111111-");
        JsonNode input = Json.tolerant().readTree(executions.inputs.values().iterator().next());
        assertThat(input.path("accounts").toString()).isEqualTo("[\"111111111111\"]");
        assertThat(input.path("trigger").asText()).isEqualTo("new-account");
        assertThat(input.path("bucket").asText()).isEqualTo(BUCKET);
        assertThat(input.path("key").asText()).isEqualTo("team/cdk-app.yml");
    }

    @Test
    void bothEventSourcesForOneAccountStartOneRun() throws Exception {
        step.run(organizationsEvent("SUCCEEDED", "111111111111"));

        NewAccountResult second = step.run(controlTowerEvent("createManagedAccountStatus", "SUCCEEDED", "111111111111"));

        assertThat(second.action()).isEqualTo(Action.ALREADY_STARTED);
        assertThat(second.executionArn()).isEqualTo(executions.inputs.keySet().iterator().next());
        assertThat(second.reason()).contains("is RUNNING");
        assertThat(executions.inputs).hasSize(1);
    }

    @Test
    void anEventAfterTheAccountsRunFailedStartsANewRun() throws Exception {
        NewAccountResult first = step.run(organizationsEvent("SUCCEEDED", "111111111111"));
        executions.end(first.executionArn(), "FAILED"); // e.g. the account's role did not exist yet

        NewAccountResult second = step.run(controlTowerEvent("createManagedAccountStatus", "SUCCEEDED", "111111111111"));

        assertThat(second.action()).isEqualTo(Action.STARTED);
        assertThat(second.executionArn()).isEqualTo(first.executionArn() + "-2");
        assertThat(second.reason()).contains("earlier runs for this account and config version failed");
        assertThat(executions.inputs.get(second.executionArn())).isEqualTo(executions.inputs.get(first.executionArn()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TIMED_OUT", "ABORTED"})
    void aRunThatTimedOutOrWasStoppedIsRetriedToo(String status) throws Exception {
        NewAccountResult first = step.run(organizationsEvent("SUCCEEDED", "111111111111"));
        executions.end(first.executionArn(), status);

        assertThat(step.run(organizationsEvent("SUCCEEDED", "111111111111")).action()).isEqualTo(Action.STARTED);
    }

    @Test
    void anEventAfterASucceededRunStartsNothing() throws Exception {
        NewAccountResult first = step.run(organizationsEvent("SUCCEEDED", "111111111111"));
        executions.end(first.executionArn(), "SUCCEEDED");

        NewAccountResult second = step.run(controlTowerEvent("createManagedAccountStatus", "SUCCEEDED", "111111111111"));

        assertThat(second.action()).isEqualTo(Action.ALREADY_STARTED);
        assertThat(second.reason()).contains("is SUCCEEDED");
        assertThat(executions.inputs).hasSize(1);
    }

    @Test
    void aSuccessAfterAFailureEndsTheRetries() throws Exception {
        NewAccountResult first = step.run(organizationsEvent("SUCCEEDED", "111111111111"));
        executions.end(first.executionArn(), "FAILED");
        NewAccountResult second = step.run(organizationsEvent("SUCCEEDED", "111111111111"));
        executions.end(second.executionArn(), "SUCCEEDED");

        assertThat(step.run(organizationsEvent("SUCCEEDED", "111111111111")).action()).isEqualTo(Action.ALREADY_STARTED);
        assertThat(executions.inputs).hasSize(2);
    }

    @Test
    void afterTheLastAttemptFailedTheEventIsIgnoredWithAHint() throws Exception {
        for (int i = 0; i < NewAccountStep.MAX_ATTEMPTS; i++) {
            executions.end(step.run(organizationsEvent("SUCCEEDED", "111111111111")).executionArn(), "FAILED");
        }

        NewAccountResult result = step.run(organizationsEvent("SUCCEEDED", "111111111111"));

        assertThat(result.action()).isEqualTo(Action.IGNORED);
        assertThat(result.reason()).contains("20 runs for this account and config version failed");
    }

    @Test
    void anUpdatedManagedAccountIsRecognised() throws Exception {
        assertThat(step.run(controlTowerEvent("updateManagedAccountStatus", "SUCCEEDED", "222222222222")).action())
                .isEqualTo(Action.STARTED);
    }

    @Test
    void aFailedCreationIsIgnored() throws Exception {
        NewAccountResult result = step.run(organizationsEvent("FAILED", "111111111111"));

        assertThat(result.action()).isEqualTo(Action.IGNORED);
        assertThat(result.reason()).contains("FAILED");
        assertThat(executions.inputs).isEmpty();
    }

    @Test
    void anAccountNotInTheConfigIsIgnored() throws Exception {
        NewAccountResult result = step.run(organizationsEvent("SUCCEEDED", "555555555555"));

        assertThat(result.action()).isEqualTo(Action.IGNORED);
        assertThat(result.reason()).contains("not in s3://config-bucket/team/cdk-app.yml");
        assertThat(executions.inputs).isEmpty();
    }

    @Test
    void anEventWithoutAnAccountStatusIsIgnored() throws Exception {
        NewAccountResult result = step.run(Json.tolerant().readTree(
                "{\"detail\":{\"eventName\":\"CreateAccountResult\",\"serviceEventDetails\":{}}}"));

        assertThat(result.action()).isEqualTo(Action.IGNORED);
        assertThat(result.reason()).isEqualTo("not an account creation event");
    }

    @Test
    void theExecutionNameIsDeterministicPerAccountAndConfigVersion() {
        assertThat(NewAccountStep.executionName("111111111111", "v1"))
                .matches("new-account-111111111111-[0-9a-f]{12}")
                .isEqualTo(NewAccountStep.executionName("111111111111", "v1"))
                .isNotEqualTo(NewAccountStep.executionName("111111111111", "v2"));
        assertThat(NewAccountStep.executionName("111111111111", "v1", 1))
                .isEqualTo(NewAccountStep.executionName("111111111111", "v1"));
        assertThat(NewAccountStep.executionName("111111111111", "v1", 3))
                .isEqualTo(NewAccountStep.executionName("111111111111", "v1") + "-3");
    }
}
