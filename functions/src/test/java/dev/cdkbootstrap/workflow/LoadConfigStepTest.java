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

class LoadConfigStepTest {
    private final InMemoryObjectStore store = Configs.validConfigIn(new InMemoryObjectStore());
    private final LoadConfigStep step = new LoadConfigStep(store,
            new LoadConfigStep.Settings(BUCKET, "team/cdk-app.yml", "runs/", 7), Guardrails.none());

    private RunContext load(ExecutionInput execution) {
        return step.run(new LoadConfigInput(execution, "run-1"));
    }

    private RunContext loadAt(String key, ExecutionInput execution) {
        return Configs.load(store, key, execution);
    }

    private List<TargetItem> items() throws Exception {
        return Json.strict().readValue(store.text(BUCKET, "runs/run-1/targets.json").orElseThrow(),
                new TypeReference<List<TargetItem>>() {});
    }

    @Test
    void plansTheDefaultConfigAndReturnsTheRunContext() {
        RunContext run = load(null);

        assertThat(run.runId()).isEqualTo("run-1");
        assertThat(run.trigger()).isEqualTo("manual");
        assertThat(run.dryRun()).isFalse();
        assertThat(run.config().bucket()).isEqualTo(BUCKET);
        assertThat(run.config().key()).isEqualTo("team/cdk-app.yml");
        assertThat(run.artifactBucket()).isEqualTo(BUCKET);
        assertThat(run.runFolder()).isEqualTo("runs/run-1/");
        assertThat(run.itemsKey()).isEqualTo("runs/run-1/targets.json");
        assertThat(run.maxConcurrency()).isEqualTo(7);
        assertThat(run.counts().planned()).isEqualTo(3);
    }

    @Test
    void writesThePlanAndOneItemPerTargetWithItsPolicyDocuments() throws Exception {
        load(null);

        Plan plan = Json.strict().readValue(store.text(BUCKET, "runs/run-1/plan.json").orElseThrow(), Plan.class);
        assertThat(plan.targets()).extracting(t -> t.account())
                .containsExactly("111111111111", "222222222222", "999999999999");
        List<TargetItem> items = items();
        assertThat(items).hasSize(3);
        assertThat(items.get(0).policyDocuments()).containsOnlyKeys("policies/dev.json");
        assertThat(Json.strict().readTree(items.get(0).policyDocuments().get("policies/dev.json")))
                .isEqualTo(Json.strict().readTree(Configs.text("dev-policy.json")));
        assertThat(items.get(1).policyDocuments()).isEmpty();
    }

    @Test
    void policyDocumentsTravelAsCompactJsonWhateverWhitespaceTheFileHas() throws Exception {
        String padded = "{\n" + " ".repeat(200_000) + "\"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Action\": \"s3:*\", \"Resource\": \"*\"}]\n}\n";
        store.put(BUCKET, "team/policies/dev.json", padded);

        load(null);

        assertThat(items().get(0).policyDocuments().get("policies/dev.json"))
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
    }

    /**
     * What travels through the state machine does not grow with the number of targets: LoadConfig's
     * output for 10,000 targets is no larger than for 3 (docs/workflow.md, "Scale").
     */
    @Test
    void theRunContextIsTheSameSizeForThreeAndTenThousandTargets() throws Exception {
        StringBuilder config = new StringBuilder("cdk_app_config:\n  pipeline: {account: \"100000000000\", region: eu-west-1}\n"
                + "  deployments:\n");
        for (int i = 1; i < 10_000; i++) { // 9,999 dev stages + the pipeline; each falls back to AdministratorAccess
            config.append("    - {set_name: s").append(i).append(", stages: [{stage_name: dev, account: \"")
                    .append(String.format("%012d", 200_000_000_000L + i)).append("\"}]}\n");
        }
        store.put(BUCKET, "big/cdk-app.yml", config.toString());
        int small = Json.strict().writeValueAsBytes(load(null)).length;

        RunContext big = loadAt("big/cdk-app.yml", new ExecutionInput(null, null, null, null, null, "s3", null));

        assertThat(big.counts().planned()).isEqualTo(10_000);
        assertThat(big.warningCount()).isEqualTo(10_000);
        assertThat(Json.strict().writeValueAsBytes(big).length).isLessThanOrEqualTo(small + 2_000);
    }

    @Test
    void theAccountFilterKeepsOnlyThatAccountsTargets() throws Exception {
        RunContext run = load(new ExecutionInput(null, null, null, List.of("111111111111"), null, "new-account", null));

        assertThat(run.counts().planned()).isEqualTo(1);
        assertThat(run.trigger()).isEqualTo("new-account");
        assertThat(items()).extracting(i -> i.target().account()).containsExactly("111111111111");
    }

    @Test
    void anAccountFilterNamingNoTargetPlansNothingAndWarns() throws Exception {
        RunContext run = load(new ExecutionInput(null, null, null, List.of("555555555555"), null, null, null));

        assertThat(run.counts().planned()).isZero();
        assertThat(run.warnings()).anySatisfy(w -> assertThat(w).contains("555555555555").contains("nothing to do"));
        assertThat(items()).isEmpty();
    }

    @Test
    void aFilterAccountThatIsNotTwelveDigitsIsRejectedByPosition() {
        assertThatThrownBy(() -> load(new ExecutionInput(null, null, null, List.of("111111111111", "1234"), null, null, null)))
                .isInstanceOf(InputRejected.class)
                .hasMessageStartingWith("execution input accounts[1]: '1234' is not allowed; allowed: a 12-digit account id");
        assertThat(store.text(BUCKET, "runs/run-1/targets.json")).isEmpty();
    }

    @Test
    void onlyTheFirstWarningsTravelInTheRunContextAndAllAreInThePlan() throws Exception {
        StringBuilder config = new StringBuilder("cdk_app_config:\n  pipeline: {account: \"111111111111\", region: eu-west-1}\n"
                + "  deployments:\n");
        for (int i = 0; i < 30; i++) { // no execution policy anywhere: one AdministratorAccess warning per target
            config.append("    - {set_name: s").append(i).append(", stages: [{stage_name: dev, account: \"3333333333")
                    .append(String.format("%02d", i)).append("\"}]}\n");
        }
        store.put(BUCKET, "many/cdk-app.yml", config.toString());

        RunContext run = loadAt("many/cdk-app.yml", new ExecutionInput(null, null, null, null, null, "s3", null));

        assertThat(run.warnings()).hasSize(RunContext.SHOWN_WARNINGS);
        assertThat(run.warningCount()).isEqualTo(31);
        Plan plan = Json.strict().readValue(store.text(BUCKET, "runs/run-1/plan.json").orElseThrow(), Plan.class);
        assertThat(plan.warnings()).hasSize(31).startsWith(run.warnings().toArray(String[]::new));
    }

    @Test
    void anEmptyVersionIdFromAnUnversionedBucketReadsTheLatestObject() {
        RunContext run = loadAt("team/cdk-app.yml", new ExecutionInput(null, null, "", null, null, "s3", null));

        assertThat(run.counts().planned()).isEqualTo(3);
        assertThat(run.config().versionId()).isNull();
    }

    @Test
    void aDryRunIsCarriedIntoTheRunContext() {
        assertThat(load(new ExecutionInput(null, null, null, null, true, null, null)).dryRun()).isTrue();
    }

    @Test
    void aConfigAtTheBucketRootDoesNotListThePastRunsBesideIt() {
        for (int run = 0; run < 2000; run++) {
            store.put(BUCKET, "runs/old-" + run + "/targets.json", "[]")
                    .put(BUCKET, "runs/old-" + run + "/results/111111111111-eu-west-1.json", "{}");
        }
        store.put(BUCKET, "cdk-app.yml", Configs.text("cdk-app.yml"))
                .put(BUCKET, "policies/dev.json", Configs.text("dev-policy.json"));

        RunContext run = loadAt("cdk-app.yml", new ExecutionInput(null, null, null, null, null, "s3", null));

        assertThat(run.counts().planned()).isEqualTo(3);
        assertThat(store.listed).noneMatch(key -> key.startsWith("runs/"));
    }
}
