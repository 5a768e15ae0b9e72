package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Configs.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.LoadConfigInput;
import dev.cdkbootstrap.workflow.model.TargetItem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LoadConfig copies the custom bootstrap templates of a run into the run's folder, where the build reads them. */
class RunTemplatesTest {
    /** The custom template the plan tests use too (a team's variant of the CDK's template). */
    static final String TEMPLATE = Configs.text("team-template.yaml");

    private final InMemoryObjectStore store = Configs.validConfigIn(new InMemoryObjectStore());

    @Test
    void theValidatedTemplateIsWrittenUnderTheRunByItsSha256() throws Exception {
        String config = Configs.text("cdk-app.yml").replace("cdk_app_config:\n",
                "cdk_app_config:\n  bootstrap:\n    template: templates/team.yaml\n");
        store.put(BUCKET, "team/cdk-app.yml", config).put(BUCKET, "team/templates/team.yaml", TEMPLATE);
        var step = new LoadConfigStep(store, new LoadConfigStep.Settings(BUCKET, "team/cdk-app.yml", "runs/", 10),
                Guardrails.none());

        step.run(new LoadConfigInput(null, "run-1"));

        String sha = RunTemplates.sha256(TEMPLATE.getBytes(StandardCharsets.UTF_8));
        assertThat(store.text(BUCKET, "runs/run-1/templates/" + sha + ".yaml")).contains(TEMPLATE);
        List<TargetItem> items = List.of(Json.strict().readValue(
                store.text(BUCKET, "runs/run-1/targets.json").orElseThrow(), TargetItem[].class));
        assertThat(items).allSatisfy(item -> assertThat(item.target().settings().template().sha256()).isEqualTo(sha));
        assertThat(store.keys()).filteredOn(k -> k.contains("/runs/run-1/templates/")).as("one copy for every target").hasSize(1);
    }

    @Test
    void aTemplateTextThatIsNotWhatThePlanHashedIsRefused() {
        assertThatThrownBy(() -> RunTemplates.write(store, BUCKET, "runs/run-1/", List.of(Fixtures.devWithEverySetting()),
                Map.of("templates/bootstrap.yaml", "x"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not what the plan hashed");
    }
}
