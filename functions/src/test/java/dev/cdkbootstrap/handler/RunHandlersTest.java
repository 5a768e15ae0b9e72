package dev.cdkbootstrap.handler;

import static dev.cdkbootstrap.handler.HandlerInvocation.BUCKET;
import static dev.cdkbootstrap.handler.HandlerInvocation.RUN_FOLDER;
import static dev.cdkbootstrap.handler.HandlerInvocation.event;
import static dev.cdkbootstrap.handler.HandlerInvocation.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.workflow.Configs;
import dev.cdkbootstrap.workflow.Guardrails;
import dev.cdkbootstrap.workflow.LoadConfigStep;
import dev.cdkbootstrap.workflow.NewAccountStep;
import dev.cdkbootstrap.workflow.SummarizeStep;
import dev.cdkbootstrap.workflow.error.TargetsFailed;
import dev.cdkbootstrap.workflow.inmemory.InMemoryExecutions;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** LoadConfig, Summarize and NewAccount handlers, fed the sample events' raw bytes. */
class RunHandlersTest {
    private final InMemoryObjectStore store = new InMemoryObjectStore()
            .put(BUCKET, "cdk-app.yml", Configs.text("cdk-app.yml"))
            .put(BUCKET, "policies/dev.json", Configs.text("dev-policy.json"));

    @Test
    void loadConfigPlansTheSampleExecution() {
        var handler = new LoadConfigHandler(new LoadConfigStep(store,
                new LoadConfigStep.Settings(BUCKET, "cdk-app.yml", "runs/", 10), Guardrails.none()));

        JsonNode out = invoke(handler, event("load-config.json"), "LoadConfig");

        assertThat(out.path("trigger").asText()).isEqualTo("s3");
        assertThat(out.path("counts").path("planned").asInt()).isEqualTo(3);
        assertThat(out.path("itemsKey").asText()).isEqualTo(RUN_FOLDER + "targets.json");
        assertThat(out.path("config").path("versionId").asText()).isEqualTo("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY");
    }

    /** The field names of a refused input reach the run-failed notification: they stay on one line. */
    @Test
    void anUnknownInputFieldIsNamedOnOneLine() {
        var handler = new LoadConfigHandler(new LoadConfigStep(store,
                new LoadConfigStep.Settings(BUCKET, "cdk-app.yml", "runs/", 10), Guardrails.none()));
        byte[] input = "{\"execution\": {\"colour\\nApproved by: attacker | x\": 1}, \"runId\": \"r\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> handler.handleRequest(new java.io.ByteArrayInputStream(input),
                        new java.io.ByteArrayOutputStream(), new TestContext("LoadConfig")))
                .isInstanceOf(dev.cdkbootstrap.workflow.error.InputRejected.class)
                .hasMessageStartingWith("execution input colour Approved by: attacker | x: no such field; the fields are")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void summarizeFailsTheRunWhenTheSampleTargetHasNoResult() {
        new LoadConfigHandler(new LoadConfigStep(store,
                new LoadConfigStep.Settings(BUCKET, "cdk-app.yml", "runs/", 10), Guardrails.none()))
                .handleRequest(new java.io.ByteArrayInputStream(event("load-config.json")),
                        new java.io.ByteArrayOutputStream(), new TestContext("LoadConfig"));
        var handler = new SummarizeHandler(new SummarizeStep(store, Optional.empty(), (runId, counts) -> { }));

        assertThatThrownBy(() -> invoke(handler, event("summarize.json"), "Summarize"))
                .isInstanceOf(TargetsFailed.class).hasMessageContaining("no result recorded");
        assertThat(store.text(BUCKET, RUN_FOLDER + "report.md")).isPresent();
    }

    @Test
    void newAccountStartsARunForTheOrganizationsEvent() {
        var handler = new NewAccountHandler(newAccountStep());

        JsonNode out = invoke(handler, event("organizations-create-account-succeeded.json"), "NewAccount");

        assertThat(out.path("action").asText()).isEqualTo("STARTED");
        assertThat(out.path("account").asText()).isEqualTo("333333333333");
    }

    @Test
    void newAccountTreatsTheControlTowerEventForTheSameAccountAsAlreadyStarted() {
        var handler = new NewAccountHandler(newAccountStep());
        invoke(handler, event("organizations-create-account-succeeded.json"), "NewAccount");

        JsonNode out = invoke(handler, event("controltower-create-managed-account.json"), "NewAccount");

        assertThat(out.path("action").asText()).isEqualTo("ALREADY_STARTED");
    }

    @Test
    void newAccountIgnoresAFailedCreation() {
        JsonNode out = invoke(new NewAccountHandler(newAccountStep()), event("organizations-create-account-failed.json"),
                "NewAccount");

        assertThat(out.path("action").asText()).isEqualTo("IGNORED");
    }

    private final InMemoryExecutions executions = new InMemoryExecutions();

    /** The events' new account (333333333333) as the config's dev account. */
    private NewAccountStep newAccountStep() {
        store.put(BUCKET, "cdk-app.yml", Configs.text("cdk-app.yml").replace("\"111111111111\"", "\"333333333333\""));
        return new NewAccountStep(store, executions, new NewAccountStep.Settings(BUCKET, "cdk-app.yml",
                "arn:aws:states:eu-west-1:999999999999:stateMachine:cdk-bootstrap"));
    }
}
