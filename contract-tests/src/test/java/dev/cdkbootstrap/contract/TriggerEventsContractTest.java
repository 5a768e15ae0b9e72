package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.support.CloudFormationYaml;
import dev.cdkbootstrap.support.InputTransformer;
import dev.cdkbootstrap.workflow.inmemory.InMemoryExecutions;
import dev.cdkbootstrap.workflow.model.ExecutionInput;
import dev.cdkbootstrap.workflow.model.LoadConfigInput;
import dev.cdkbootstrap.workflow.model.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The events/ files that start a run (S3 upload, manual input, new accounts) are accepted as they start it. */
class TriggerEventsContractTest extends EventsFixture {
    @Test
    void s3ObjectCreatedEventBecomesAnExecutionInputThroughTheRulesInputTransformer() throws IOException {
        JsonNode event = event("s3-config-object-created.json");
        JsonNode rule = CloudFormationYaml.read(ProjectFiles.path("template.yaml")).path("Resources")
                .path("ConfigUploadedRule").path("Properties");
        assertThat(rule.path("EventPattern").path("source").get(0).asText()).isEqualTo(event.path("source").asText());
        assertThat(rule.path("EventPattern").path("detail-type").get(0).asText()).isEqualTo(event.path("detail-type").asText());
        JsonNode target = rule.path("Targets").get(0);
        assertThat(target.path("Arn").path("Ref").asText()).isEqualTo("BootstrapStateMachine");

        assertThat(InputTransformer.unmatched(target.path("InputTransformer"), event)).as("paths the event leaves empty").isEmpty();
        String input = InputTransformer.apply(target.path("InputTransformer"), event);

        ExecutionInput execution = Json.strict().readValue(input, ExecutionInput.class);
        assertThat(execution).isEqualTo(new ExecutionInput(BUCKET, "cdk-app.yml", CONFIG_VERSION, null, null, "s3", null));
    }

    @Test
    void manualDryRunInputIsAcceptedAsTheExecutionOfLoadConfig() throws IOException {
        seedConfig();
        ExecutionInput execution = Json.strict().readValue(bytes("execution-input-manual-dry-run.json"), ExecutionInput.class);
        byte[] payload = Json.strict().writeValueAsBytes(new LoadConfigInput(execution, "manual-1"));

        RunContext run = Json.strict().readValue(invoke(loadConfig(), payload), RunContext.class);

        assertThat(run.dryRun()).isTrue();
        assertThat(run.counts().planned()).isEqualTo(1);
    }

    /** The sample names an older version than the latest (CONFIG_VERSION) and allows it on purpose. */
    @Test
    void manualOldVersionInputRunsThatVersionAndNamesTheLatest() throws IOException {
        ExecutionInput execution = Json.strict().readValue(bytes("execution-input-manual-old-version.json"), ExecutionInput.class);
        store.put(BUCKET, "cdk-app.yml", Files.readString(ProjectFiles.path("contract-tests/src/test/resources/single-set.yml")),
                execution.versionId());
        seedConfig();
        byte[] payload = Json.strict().writeValueAsBytes(new LoadConfigInput(execution, "manual-old-1"));

        RunContext run = Json.strict().readValue(invoke(loadConfig(), payload), RunContext.class);

        assertThat(run.config().versionId()).isEqualTo(execution.versionId());
        assertThat(run.config().latestVersionId()).isEqualTo(CONFIG_VERSION);
        assertThat(run.config().superseded()).isFalse();
        assertThat(run.counts().planned()).isEqualTo(4);
    }

    @Test
    void organizationsAccountCreatedStartsARunForThatAccount() throws IOException {
        seedConfig();
        InMemoryExecutions starter = new InMemoryExecutions();

        JsonNode result = Json.strict().readTree(invoke(newAccount(starter), "organizations-create-account-succeeded.json"));

        assertThat(result.path("action").asText()).isEqualTo("STARTED");
        assertThat(result.path("account").asText()).isEqualTo("333333333333");
        ExecutionInput input = Json.strict().readValue(starter.inputs.values().iterator().next(), ExecutionInput.class);
        assertThat(input.accounts()).containsExactly("333333333333");
        assertThat(input.trigger()).isEqualTo("new-account");
    }

    @Test
    void organizationsAccountCreationFailureIsIgnored() throws IOException {
        seedConfig();
        InMemoryExecutions starter = new InMemoryExecutions();

        JsonNode result = Json.strict().readTree(invoke(newAccount(starter), "organizations-create-account-failed.json"));

        assertThat(result.path("action").asText()).isEqualTo("IGNORED");
        assertThat(starter.inputs).isEmpty();
    }

    @Test
    void controlTowerCreateAndUpdateOfTheSameAccountStartOneRun() throws IOException {
        seedConfig();
        InMemoryExecutions starter = new InMemoryExecutions();

        JsonNode created = Json.strict().readTree(invoke(newAccount(starter), "controltower-create-managed-account.json"));
        JsonNode updated = Json.strict().readTree(invoke(newAccount(starter), "controltower-update-managed-account.json"));

        assertThat(created.path("action").asText()).isEqualTo("STARTED");
        assertThat(updated.path("action").asText()).isEqualTo("ALREADY_STARTED");
        assertThat(starter.inputs).hasSize(1);
    }
}
