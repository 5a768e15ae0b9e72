package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Configs.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Plan;
import dev.cdkbootstrap.workflow.error.InputRejected;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.ExecutionInput;
import dev.cdkbootstrap.workflow.model.LoadConfigInput;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.TargetItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LoadConfig refuses what an execution input may not ask for, before reading or writing anything
 * (ExecutionInputRules); the config key holds two versions here, v1 (trusting 111111111111 in the
 * pipeline's stead) and v2, the latest.
 */
class ExecutionInputRulesTest {
    private static final String KEY = "team/cdk-app.yml";
    private final InMemoryObjectStore store = new InMemoryObjectStore()
            .put(BUCKET, KEY, Configs.text("cdk-app.yml").replace("\"999999999999\"", "\"888888888888\""), "v1")
            .put(BUCKET, KEY, Configs.text("cdk-app.yml"), "v2")
            .put(BUCKET, "team/policies/dev.json", Configs.text("dev-policy.json"))
            .put(BUCKET, "other/cdk-app.yml", Configs.text("cdk-app.yml"));
    private final LoadConfigStep step = new LoadConfigStep(store, new LoadConfigStep.Settings(BUCKET, KEY, "runs/", 10), Guardrails.none());

    private RunContext load(String bucket, String key, String versionId, String trigger, Boolean allowOldVersion) {
        return step.run(new LoadConfigInput(new ExecutionInput(bucket, key, versionId, null, null, trigger,
                allowOldVersion), "run-1"));
    }

    private void assertNothingRead() {
        assertThat(store.reads).isEmpty();
        assertThat(store.keys()).noneMatch(k -> k.contains("runs/"));
    }

    @Test
    void anotherKeyIsRefusedNamingTheFieldTheValueAndTheConfiguredKey() {
        assertThatThrownBy(() -> load(null, "other/cdk-app.yml", null, "manual", null))
                .isInstanceOf(InputRejected.class)
                .hasMessage("execution input key: 'other/cdk-app.yml' is not allowed; allowed: only the configured"
                        + " CONFIG_KEY 'team/cdk-app.yml' (or leave it out)");
        assertNothingRead();
    }

    @Test
    void anotherBucketIsRefused() {
        assertThatThrownBy(() -> load("attacker-bucket", KEY, null, "manual", null))
                .isInstanceOf(InputRejected.class)
                .hasMessage("execution input bucket: 'attacker-bucket' is not allowed; allowed: only the configured"
                        + " CONFIG_BUCKET 'config-bucket' (or leave it out)");
        assertNothingRead();
    }

    @Test
    void theConfiguredBucketAndKeyMayBeNamed() {
        assertThat(load(BUCKET, KEY, null, "s3", null).counts().planned()).isEqualTo(3);
    }

    @Test
    void aTriggerOutsideTheFourIsRefusedListingThem() {
        for (String trigger : List.of("cron", "", "S3", "manual ", "Schedule", "scheduled")) {
            assertThatThrownBy(() -> load(null, null, null, trigger, null)).as(trigger)
                    .isInstanceOf(InputRejected.class)
                    .hasMessage("execution input trigger: '" + trigger + "' is not allowed; allowed: one of s3,"
                            + " new-account, manual, schedule");
        }
        assertNothingRead();
    }

    /** What the reconcile schedule sends (template.yaml, ReconcileRunSchedule): the latest config, recorded as scheduled. */
    @Test
    void theSchedulesInputRunsTheLatestConfigAndIsRecordedAsScheduled() {
        for (Boolean dryRun : new Boolean[] {true, null}) {
            RunContext run = step.run(new LoadConfigInput(new ExecutionInput(null, null, null, null, dryRun, "schedule",
                    null), "run-1"));

            assertThat(run.trigger()).isEqualTo("schedule");
            assertThat(run.dryRun()).isEqualTo(dryRun != null);
            assertThat(run.config().key()).isEqualTo(KEY);
            assertThat(run.config().versionId()).as("the latest version, as read").isEqualTo("v2");
            assertThat(run.config().superseded()).isFalse();
            assertThat(run.counts().planned()).isEqualTo(3);
        }
    }

    /** The schedule never names a version; one claiming it is held to the manual rule, not superseded. */
    @Test
    void anOldVersionClaimingTheScheduleIsRefusedLikeAManualStart() {
        assertThatThrownBy(() -> load(null, null, "v1", "schedule", null))
                .isInstanceOf(InputRejected.class)
                .hasMessageStartingWith("execution input versionId: 'v1' is not allowed; allowed: the latest version");
        assertThat(store.keys()).noneMatch(k -> k.contains("runs/"));
    }

    @Test
    void theLatestVersionNamedExplicitlyRuns() {
        RunContext run = load(null, null, "v2", "manual", null);

        assertThat(run.config().versionId()).isEqualTo("v2");
        assertThat(run.config().latestVersionId()).isNull();
        assertThat(run.config().superseded()).isFalse();
    }

    @Test
    void anOldVersionStartedByHandIsRefusedNamingBothVersions() {
        assertThatThrownBy(() -> load(null, null, "v1", "manual", null))
                .isInstanceOf(InputRejected.class)
                .hasMessageStartingWith("execution input versionId: 'v1' is not allowed; allowed: the latest version of"
                        + " s3://config-bucket/team/cdk-app.yml, v2 (")
                .hasMessageContaining("\"allowOldVersion\": true");
        assertThatThrownBy(() -> load(null, null, "v1", null, false)).isInstanceOf(InputRejected.class);
        assertThat(store.keys()).noneMatch(k -> k.contains("runs/"));
    }

    @Test
    void anOldVersionAllowedOnPurposeRunsThatVersionAndNamesTheLatest() throws Exception {
        RunContext run = load(null, null, "v1", "manual", true);

        assertThat(run.config().versionId()).isEqualTo("v1");
        assertThat(run.config().latestVersionId()).isEqualTo("v2");
        assertThat(run.config().superseded()).isFalse();
        Plan plan = Json.strict().readValue(store.text(BUCKET, "runs/run-1/plan.json").orElseThrow(), Plan.class);
        assertThat(plan.pipeline().account()).as("v1's content was planned").isEqualTo("888888888888");
    }

    /**
     * A second upload before the first upload's run read the config: the first run is superseded and
     * plans nothing; the second upload's own run does the work. Whoever claims trigger s3 gets the same.
     */
    @Test
    void anAutomaticRunOfAVersionNoLongerTheLatestIsSupersededAndPlansNothing() throws Exception {
        for (String trigger : List.of("s3", "new-account")) {
            RunContext run = load(null, null, "v1", trigger, null);

            assertThat(run.config().superseded()).as(trigger).isTrue();
            assertThat(run.config().versionId()).isEqualTo("v1");
            assertThat(run.config().latestVersionId()).isEqualTo("v2");
            assertThat(run.counts().planned()).isZero();
            assertThat(run.warnings()).singleElement().asString().startsWith("superseded: version v1 of"
                    + " s3://config-bucket/team/cdk-app.yml is no longer the latest (v2 is)");
            assertThat(Json.strict().readValue(store.text(BUCKET, "runs/run-1/targets.json").orElseThrow(),
                    new TypeReference<List<TargetItem>>() {})).isEmpty();
        }
        assertThat(store.reads).as("the old version was never read").doesNotContain(KEY);
    }

    @Test
    void aVersionOfADeletedKeyIsRefused() {
        LoadConfigStep elsewhere = new LoadConfigStep(store, new LoadConfigStep.Settings(BUCKET, "gone.yml", "runs/", 10), Guardrails.none());

        assertThatThrownBy(() -> elsewhere.run(new LoadConfigInput(new ExecutionInput(null, null, "v1", null, null, "s3",
                true), "run-1")))
                .isInstanceOf(InputRejected.class)
                .hasMessageContaining("execution input versionId: 'v1' is not allowed")
                .hasMessageContaining("has no current version");
    }

    @Test
    void aRefusalShowsTheValueGivenOnOneLineAndCut() {
        String injected = "cron\nApproved by: attacker | " + "x".repeat(500);

        assertThatThrownBy(() -> load(null, null, null, injected, null))
                .isInstanceOf(InputRejected.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("\n").contains("'cron Approved by: attacker | xxx")
                            .hasSizeLessThan(400);
                });
    }

    @Test
    void anUnknownFieldIsRefusedByNameWithTheFieldsThereAre() {
        assertThatThrownBy(() -> ExecutionInputRules.read(tree("{\"colour\": \"blue\"}")))
                .isInstanceOf(InputRejected.class).hasMessage("execution input colour: no such field; the fields are"
                        + " bucket, key, versionId, accounts, dryRun, trigger, allowOldVersion");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingFieldValueAndWhatItTakes() {
        assertThatThrownBy(() -> ExecutionInputRules.read(tree("{\"dryRun\": \"yes\"}")))
                .isInstanceOf(InputRejected.class)
                .hasMessage("execution input dryRun: \"yes\" is not allowed; allowed: true or false");
        assertThatThrownBy(() -> ExecutionInputRules.read(tree("{\"accounts\": [{\"id\": 1}]}")))
                .isInstanceOf(InputRejected.class).hasMessageStartingWith("execution input accounts[0]: {\"id\":1} is not"
                        + " allowed; allowed: a list of 12-digit account ids as strings");
        assertThatThrownBy(() -> ExecutionInputRules.read(tree("[1]"))).isInstanceOf(InputRejected.class)
                .hasMessageStartingWith("execution input: expected a JSON object of the fields bucket, key,");
    }

    @Test
    void noInputIsAnEmptyOne() {
        assertThat(ExecutionInputRules.read(null)).isEqualTo(new ExecutionInput(null, null, null, null, null, null, null));
        assertThat(ExecutionInputRules.read(tree("{\"dryRun\": true}")).isDryRun()).isTrue();
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return Json.strict().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
