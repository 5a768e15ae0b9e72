package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Configs.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.config.ConfigError;
import dev.cdkbootstrap.config.ConfigValidationException;
import dev.cdkbootstrap.workflow.error.ConfigInvalid;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.ExecutionInput;
import dev.cdkbootstrap.workflow.model.RunContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A config LoadConfig cannot plan: ConfigInvalid with every error (or the first and where all are), nothing planned. */
class LoadConfigErrorsTest {
    private final InMemoryObjectStore store = Configs.validConfigIn(new InMemoryObjectStore());
    private final LoadConfigStep step = new LoadConfigStep(store,
            new LoadConfigStep.Settings(BUCKET, "team/cdk-app.yml", "runs/", 7), Guardrails.none());

    private RunContext loadAt(String key, ExecutionInput execution) {
        return Configs.load(store, key, execution);
    }

    @Test
    void anInvalidConfigFailsWithEveryErrorAndWritesNothing() {
        store.put(BUCKET, "bad/cdk-app.yml", Configs.text("invalid-cdk-app.yml"));
        int before = store.keys().size();

        assertThatThrownBy(() -> loadAt("bad/cdk-app.yml", new ExecutionInput(null, null, null, null, null, "s3", null)))
                .isInstanceOf(ConfigInvalid.class)
                .hasMessageContaining("s3://config-bucket/bad/cdk-app.yml:3:14: error: cdk_app_config.pipeline.account")
                .hasMessageContaining("cdk_app_config.deployments[0].stages[0].stage_name");
        assertThat(store.keys()).hasSize(before);
    }

    @Test
    void errorsThatFitInAnErrorCauseAreAllInTheMessageAndNothingIsWritten() {
        var errors = new ConfigValidationException(List.of(new ConfigError("s3://b/k", 1, 1, "$", "bad")));

        ConfigInvalid invalid = step.invalid(errors, BUCKET, "runs/run-1/");

        assertThat(invalid.getMessage()).isEqualTo("s3://b/k:1:1: error: $: bad");
        assertThat(store.text(BUCKET, "runs/run-1/config-errors.txt")).isEmpty();
    }

    @Test
    void errorsThatWouldNotFitInAnErrorCauseAreCutWithThePlaceOfTheFullList() {
        List<ConfigError> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 150; i++) { // the engine reports at most 100 (+1) lines, but they can be long
            many.add(new ConfigError("s3://b/k", i, 3, "cdk_app_config.deployments[" + i + "]", "x".repeat(250)));
        }
        var errors = new ConfigValidationException(many);

        ConfigInvalid invalid = step.invalid(errors, BUCKET, "runs/run-1/");

        assertThat(invalid.getMessage().length()).isLessThanOrEqualTo(LoadConfigStep.MAX_ERROR_MESSAGE_CHARS);
        assertThat(invalid.getMessage()).endsWith("more errors; all 150: s3://config-bucket/runs/run-1/config-errors.txt");
        String all = store.text(BUCKET, "runs/run-1/config-errors.txt").orElseThrow();
        assertThat(all).isEqualTo(errors.getMessage());
        assertThat(invalid.getMessage()).startsWith(all.lines().limit(50).collect(java.util.stream.Collectors.joining("\n")));
    }

    @Test
    void aMissingConfigObjectIsInvalidAndNamesIt() {
        assertThatThrownBy(() -> loadAt("nope.yml", new ExecutionInput(null, null, null, null, null, null, null)))
                .isInstanceOf(ConfigInvalid.class)
                .hasMessage("s3://config-bucket/nope.yml:1:1: error: $: config object not found");
    }

    @Test
    void aConfigOverTheSizeCapIsInvalid() {
        store.put(BUCKET, "big.yml", "#".repeat((int) LoadConfigStep.MAX_CONFIG_BYTES + 1));

        assertThatThrownBy(() -> loadAt("big.yml", new ExecutionInput(null, null, null, null, null, null, null)))
                .isInstanceOf(ConfigInvalid.class).hasMessageContaining("larger than the 8 MiB limit");
    }

    private static final String CONFIG_WITH_A_POLICY_FILE_AND_A_BAD_REGION = """
            cdk_app_config:
              pipeline:
                account: "999999999999"
                region: eu-west-1
              deployments:
                - set_name: ml
                  stages:
                    - stage_name: dev
                      account: "111111111111"
                      bootstrap:
                        execution_policy_filepath: policies/unusable.json
                - set_name: broken
                  stages:
                    - stage_name: prod
                      account: "222222222222"
                      region: Europe
            """;

    @Test
    void aPolicyFileOverOneMebibyteIsAConfigErrorReportedWithTheOthers() {
        store.put(BUCKET, "big/cdk-app.yml", CONFIG_WITH_A_POLICY_FILE_AND_A_BAD_REGION)
                .put(BUCKET, "big/policies/unusable.json", " ".repeat(1024 * 1024 + 1));

        assertThatThrownBy(() -> loadAt("big/cdk-app.yml", new ExecutionInput(null, null, null, null, null, "s3", null)))
                .isInstanceOf(ConfigInvalid.class)
                .hasMessageContaining("s3://config-bucket/big/cdk-app.yml:11:40: error: cdk_app_config.deployments[0]"
                        + ".stages[0].bootstrap.execution_policy_filepath: policy file "
                        + "\"policies/unusable.json\" is larger than 1048576 bytes")
                .hasMessageContaining("\"Europe\" is not a region name");
    }

    @Test
    void aPolicyFileThatIsNotUtf8IsAConfigError() {
        store.put(BUCKET, "latin1/cdk-app.yml", CONFIG_WITH_A_POLICY_FILE_AND_A_BAD_REGION);
        store.write(BUCKET, "latin1/policies/unusable.json",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"caf\u00e9\"}}"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "application/json");

        assertThatThrownBy(() -> loadAt("latin1/cdk-app.yml", new ExecutionInput(null, null, null, null, null, "s3", null)))
                .isInstanceOf(ConfigInvalid.class)
                .hasMessageContaining("execution_policy_filepath: policy file "
                        + "\"policies/unusable.json\" is not valid UTF-8")
                .hasMessageContaining("\"Europe\" is not a region name");
    }
}
