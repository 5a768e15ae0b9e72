package dev.cdkbootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.handler.CheckBootstrapHandler;
import dev.cdkbootstrap.handler.PrepareTargetHandler;
import dev.cdkbootstrap.handler.StartBootstrapHandler;
import dev.cdkbootstrap.handler.VerifyTargetHandler;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.CheckBootstrapStep;
import dev.cdkbootstrap.workflow.PrepareTargetStep;
import dev.cdkbootstrap.workflow.StartBootstrapStep;
import dev.cdkbootstrap.workflow.ToolkitRequirements;
import dev.cdkbootstrap.workflow.VerifyTargetStep;
import dev.cdkbootstrap.workflow.inmemory.InMemoryBuilds;
import dev.cdkbootstrap.workflow.inmemory.InMemoryTargets;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file in events/ is accepted by the handler it is for, handed over as bytes the way the Lambda
 * runtime hands them to a RequestStreamHandler, with the steps wired to in-memory collaborators: the
 * workflow's own payloads here, the events that start a run in {@link TriggerEventsContractTest}.
 */
class EventsContractTest extends EventsFixture {
    /** Every file in events/, each exercised by a test here or in TriggerEventsContractTest. */
    private static final Set<String> EVENT_FILES = Set.of("s3-config-object-created.json",
            "execution-input-manual-dry-run.json", "execution-input-manual-old-version.json", "load-config.json", "prepare-target.json", "start-bootstrap.json",
            "check-bootstrap.json", "verify-target.json", "record-result.json", "record-result-error.json", "summarize.json",
            "organizations-create-account-succeeded.json", "organizations-create-account-failed.json",
            "controltower-create-managed-account.json", "controltower-update-managed-account.json",
            "execution-input-schedule-report.json"); // the last: ScheduledReconcileContractTest

    @Test
    void everyEventFileIsCoveredHere() throws IOException {
        try (Stream<Path> files = Files.list(ProjectFiles.path("events"))) {
            assertThat(files.map(f -> f.getFileName().toString()).collect(Collectors.toSet())).isEqualTo(EVENT_FILES);
        }
    }

    @Test
    void loadConfigEventPlansTheConfigAndWritesTheTargets() throws IOException {
        seedConfig();

        RunContext run = Json.strict().readValue(invoke(loadConfig(), "load-config.json"), RunContext.class);

        assertThat(run.runId()).isEqualTo(RUN_ID);
        assertThat(run.trigger()).isEqualTo("s3");
        assertThat(run.itemsKey()).isEqualTo("runs/" + RUN_ID + "/targets.json");
        assertThat(run.counts().planned()).isEqualTo(4);
        assertThat(store.text(BUCKET, run.itemsKey())).isPresent();
    }

    @Test
    void prepareTargetEventDecidesToBootstrapAndCreatesTheExecutionPolicy() throws IOException {
        InMemoryTargets accounts = new InMemoryTargets();
        var handler = new PrepareTargetHandler(new PrepareTargetStep(accounts, lock, WAITS, ToolkitRequirements.pinned(33), null, CLOCK));

        TargetState state = Json.strict().readValue(invoke(handler, "prepare-target.json"), TargetState.class);

        assertThat(state.decision()).hasToString("BOOTSTRAP");
        assertThat(state.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_MISSING);
        assertThat(state.startedAt()).isEqualTo(CLOCK.instant());
        assertThat(accounts.account("222222222222").policies.arns())
                .containsExactly("arn:aws:iam::222222222222:policy/mlops-cdk-exec-eu-west-1");
    }

    @Test
    void startBootstrapEventStartsABuildWithADeadline() throws IOException {
        InMemoryBuilds builds = new InMemoryBuilds();
        builds.now = CLOCK.instant();
        var settings = new StartBootstrapStep.Settings("bootstrap", "cdk-bootstrap-orchestrator-target", "2.1148.1", null);
        var handler = new StartBootstrapHandler(new StartBootstrapStep(builds, settings, WAITS, CLOCK));

        TargetState state = Json.strict().readValue(invoke(handler, "start-bootstrap.json"), TargetState.class);

        assertThat(state.build().status()).isEqualTo(BuildStatus.IN_PROGRESS);
        assertThat(state.deadline()).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(30)));
        assertThat(builds.environments.get(state.build().id())).containsEntry("TARGET_ACCOUNT", "222222222222")
                .containsEntry("TRUST", "111111111111");
    }

    @Test
    void checkBootstrapEventReportsTheEndedBuild() throws IOException {
        TargetState input = Json.strict().readValue(bytes("check-bootstrap.json"), TargetState.class);
        InMemoryBuilds builds = new InMemoryBuilds();
        Instant ended = Instant.parse("2026-11-25T19:33:40Z");
        builds.finish(input.build().id(), BuildStatus.SUCCEEDED, null, ended);

        TargetState state = Json.strict().readValue(
                invoke(new CheckBootstrapHandler(new CheckBootstrapStep(builds, WAITS, CLOCK)), "check-bootstrap.json"),
                TargetState.class);

        assertThat(state.build().status()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(state.build().endedAt()).isEqualTo(ended);
        assertThat(state.waiting()).isNull();
    }

    @Test
    void verifyTargetEventObservesTheToolkitTheBuildLeft() throws IOException {
        InMemoryTargets accounts = new InMemoryTargets();
        accounts.account("222222222222").toolkit("CREATE_COMPLETE", List.of("111111111111"),
                List.of("arn:aws:iam::222222222222:policy/mlops-cdk-exec-eu-west-1"), 33, "33");

        TargetState state = Json.strict().readValue(invoke(new VerifyTargetHandler(
                new VerifyTargetStep(accounts, WAITS, ToolkitRequirements.pinned(33), CLOCK)), "verify-target.json"), TargetState.class);

        assertThat(state.verification().converged()).isTrue();
        assertThat(state.observed().trust()).containsExactly("111111111111");
    }

    @Test
    void recordResultEventRecordsABootstrappedTarget() throws IOException {
        JsonNode result = Json.strict().readTree(invoke(recordResult(), "record-result.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("BOOTSTRAPPED");
        assertThat(result.path("reasonCode").asText()).isEqualTo("TOOLKIT_MISSING");
        assertThat(store.text(BUCKET, "runs/" + RUN_ID + "/results/222222222222-eu-west-1.json")).isPresent();
    }

    @Test
    void recordResultEventWithAnErrorRecordsAFailureNamingTheCause() throws IOException {
        JsonNode result = Json.strict().readTree(invoke(recordResult(), "record-result-error.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(result.path("reason").asText()).contains("cannot assume");
    }

    @Test
    void summarizeEventWritesTheReportAndPublishesIt() throws IOException {
        TargetState recorded = Json.strict().readValue(bytes("record-result.json"), TargetState.class);
        store.write(BUCKET, "runs/" + RUN_ID + "/targets.json",
                Json.strict().writeValueAsBytes(List.of(recorded.item())), "application/json");
        invoke(recordResult(), "record-result.json");
        List<String> subjects = new ArrayList<>();

        JsonNode summary = Json.strict().readTree(invoke(summarize(subjects), "summarize.json"));

        assertThat(summary.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(store.text(BUCKET, summary.path("reportKey").asText())).isPresent();
        assertThat(subjects).hasSize(1);
    }

    @Test
    void summarizeFailsTheRunWithTargetsFailedWhenATargetHasNoResult() throws IOException {
        TargetItem item = Json.strict().readValue(bytes("record-result.json"), TargetState.class).item();
        store.write(BUCKET, "runs/" + RUN_ID + "/targets.json", Json.strict().writeValueAsBytes(List.of(item)),
                "application/json");

        assertThatThrownBy(() -> invoke(summarize(new ArrayList<>()), "summarize.json"))
                .isInstanceOf(dev.cdkbootstrap.workflow.error.TargetsFailed.class)
                .hasMessageContaining("222222222222/eu-west-1");
    }
}
