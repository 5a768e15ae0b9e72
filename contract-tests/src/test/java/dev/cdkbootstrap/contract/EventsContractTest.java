package dev.cdkbootstrap.contract;

import dev.cdkbootstrap.support.CloudFormationYaml;
import dev.cdkbootstrap.support.InputTransformer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.handler.TestContext;
import dev.cdkbootstrap.handler.CheckBootstrapHandler;
import dev.cdkbootstrap.handler.LoadConfigHandler;
import dev.cdkbootstrap.handler.NewAccountHandler;
import dev.cdkbootstrap.handler.PrepareTargetHandler;
import dev.cdkbootstrap.handler.RecordResultHandler;
import dev.cdkbootstrap.handler.StartBootstrapHandler;
import dev.cdkbootstrap.handler.VerifyTargetHandler;
import dev.cdkbootstrap.handler.SummarizeHandler;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.CheckBootstrapStep;
import dev.cdkbootstrap.workflow.LoadConfigStep;
import dev.cdkbootstrap.workflow.NewAccountStep;
import dev.cdkbootstrap.workflow.PrepareTargetStep;
import dev.cdkbootstrap.workflow.RecordResultStep;
import dev.cdkbootstrap.workflow.StartBootstrapStep;
import dev.cdkbootstrap.workflow.TargetLock;
import dev.cdkbootstrap.workflow.ToolkitRequirements;
import dev.cdkbootstrap.workflow.VerifyTargetStep;
import dev.cdkbootstrap.workflow.WaitPolicy;
import dev.cdkbootstrap.workflow.SummarizeStep;
import dev.cdkbootstrap.workflow.inmemory.InMemoryBuilds;
import dev.cdkbootstrap.workflow.inmemory.InMemoryExecutions;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.inmemory.InMemoryTargets;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.ExecutionInput;
import dev.cdkbootstrap.workflow.model.LoadConfigInput;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file in events/ is accepted by the handler it is for, handed over as bytes the way the Lambda
 * runtime hands them to a RequestStreamHandler, with the steps wired to in-memory collaborators.
 */
class EventsContractTest {
    private static final String BUCKET = "cdk-bootstrap-configbucket-1x2y3z4w5v6u";
    private static final String CONFIG_VERSION = "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY";
    private static final String RUN_ID = "run-20261125-0001";
    private static final String STATE_MACHINE = "arn:aws:states:eu-west-1:999999999999:stateMachine:orchestrator-bootstrap";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T19:35:00Z"), ZoneOffset.UTC);

    /** Every file in events/, each exercised by a test below. */
    private static final Set<String> EVENT_FILES = Set.of("s3-config-object-created.json",
            "execution-input-manual-dry-run.json", "execution-input-manual-old-version.json", "load-config.json", "prepare-target.json", "start-bootstrap.json",
            "check-bootstrap.json", "verify-target.json", "record-result.json", "record-result-error.json", "summarize.json",
            "organizations-create-account-succeeded.json", "organizations-create-account-failed.json",
            "controltower-create-managed-account.json", "controltower-update-managed-account.json",
            "execution-input-schedule-report.json"); // the last: ScheduledReconcileContractTest

    private static final WaitPolicy WAITS = new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30));

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final TargetLock lock = new TargetLock(store, WAITS.lease(), CLOCK);

    @Test
    void everyEventFileIsCoveredHere() throws IOException {
        try (Stream<Path> files = Files.list(ProjectFiles.path("events"))) {
            assertThat(files.map(f -> f.getFileName().toString()).collect(Collectors.toSet())).isEqualTo(EVENT_FILES);
        }
    }

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
    void prepareTargetEventDecidesToBootstrapAndCreatesTheExecutionPolicy() throws IOException {
        InMemoryTargets accounts = new InMemoryTargets();
        var handler = new PrepareTargetHandler(new PrepareTargetStep(accounts, lock, WAITS, ToolkitRequirements.pinned(33), null, CLOCK));

        TargetState state = Json.strict().readValue(invoke(handler, "prepare-target.json"), TargetState.class);

        assertThat(state.decision()).hasToString("BOOTSTRAP");
        assertThat(state.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_MISSING);
        assertThat(state.startedAt()).isEqualTo(CLOCK.instant());
        assertThat(accounts.account("222222222222").policies.arns())
                .containsExactly("arn:aws:iam::222222222222:policy/mlops-cdk-cdk-exec-eu-west-1");
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
                List.of("arn:aws:iam::222222222222:policy/mlops-cdk-cdk-exec-eu-west-1"), 33, "33");

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

    private void seedConfig() throws IOException {
        store.put(BUCKET, "cdk-app.yml", Files.readString(ProjectFiles.path("contract-tests/src/test/resources/single-set.yml")),
                CONFIG_VERSION);
    }

    private LoadConfigHandler loadConfig() {
        return new LoadConfigHandler(new LoadConfigStep(store, new LoadConfigStep.Settings(BUCKET, "cdk-app.yml", "runs/", 10),
                dev.cdkbootstrap.workflow.Guardrails.none()));
    }

    private RecordResultHandler recordResult() {
        return new RecordResultHandler(new RecordResultStep(store, lock, CLOCK));
    }

    /** Summarize publishing to people by recording each message's subject; its metrics go nowhere. */
    private SummarizeHandler summarize(List<String> subjects) {
        return new SummarizeHandler(new SummarizeStep(store, Optional.of((subject, message) -> subjects.add(subject)),
                (runId, counts) -> { }));
    }

    private NewAccountHandler newAccount(InMemoryExecutions starter) {
        return new NewAccountHandler(new NewAccountStep(store, starter,
                new NewAccountStep.Settings(BUCKET, "cdk-app.yml", STATE_MACHINE)));
    }

    private static JsonNode event(String name) throws IOException {
        return Json.tolerant().readTree(bytes(name));
    }

    private static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(ProjectFiles.path("events/" + name));
    }

    private static byte[] invoke(RequestStreamHandler handler, String eventFile) throws IOException {
        return invoke(handler, bytes(eventFile));
    }

    private static byte[] invoke(RequestStreamHandler handler, byte[] payload) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload), output, new TestContext("contract-test"));
        return output.toByteArray();
    }
}
