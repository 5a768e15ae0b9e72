package dev.cdkbootstrap.it;

import static dev.cdkbootstrap.it.Samples.DEV;
import static dev.cdkbootstrap.it.Samples.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cdkbootstrap.aws.CodeBuildRunner;
import dev.cdkbootstrap.handler.PinnedCdkCli;
import dev.cdkbootstrap.handler.Wiring;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.CheckBootstrapStep;
import dev.cdkbootstrap.workflow.StartBootstrapStep;
import dev.cdkbootstrap.workflow.WaitPolicy;
import dev.cdkbootstrap.workflow.error.TargetsFailed;
import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ExecutionInput;
import dev.cdkbootstrap.workflow.model.LoadConfigInput;
import dev.cdkbootstrap.workflow.model.NewAccountResult;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.Report;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.RunRef;
import dev.cdkbootstrap.workflow.model.RunSummary;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetResult;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The steps as Wiring.from(env) builds them, run one after the other like the state machine would. */
abstract class WorkflowStepsITBase {
    static final String BUCKET = "config-bucket";

    protected abstract Emulator emulator();

    private TestClients clients;
    private S3Client s3;
    private Map<String, String> env;

    @BeforeEach
    void arrange() {
        clients = new TestClients(emulator());
        s3 = clients.s3();
        s3.createBucket(r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(emulator().region())));
        s3.putObject(r -> r.bucket(BUCKET).key("cdk-app.yml"), RequestBody.fromString(Samples.CONFIG));
        s3.putObject(r -> r.bucket(BUCKET).key("policies/dev.json"), RequestBody.fromString(Samples.POLICY));
        env = emulator().environment();
        env.putAll(Map.of("CONFIG_BUCKET", BUCKET, "CONFIG_KEY", "cdk-app.yml", "TARGET_ROLE_NAME", "cdk-bootstrap-target",
                "TARGET_ROLE_EXTERNAL_ID", "ext-123", "BUILD_PROJECT_NAME", RunServicesITBase.PROJECT,
                "POWERTOOLS_METRICS_NAMESPACE", "CdkBootstrapIT"));
    }

    private List<TargetItem> items(RunContext run) throws Exception {
        return Json.strict().readValue(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(run.itemsKey())).asByteArray(),
                new TypeReference<List<TargetItem>>() {});
    }

    private static RunRef ref(RunContext run) {
        return new RunRef(run.runId(), run.dryRun(), run.artifactBucket(), run.runFolder());
    }

    @Test
    void aRunBootstrapsEveryTargetAndReportsSuccess() throws Exception {
        assumeTrue(emulator().supports("codebuild"), "no CodeBuild in this emulator");
        SnsClient sns = clients.build(SnsClient.builder());
        SqsClient sqs = clients.build(SqsClient.builder());
        env.put("REPORT_TOPIC_ARN", sns.createTopic(r -> r.name("reports")).topicArn());
        String queueUrl = sqs.createQueue(r -> r.queueName("reports")).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(r -> r.topicArn(env.get("REPORT_TOPIC_ARN")).protocol("sqs").endpoint(queueArn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        Wiring wiring = Wiring.from(env);
        var codeBuild = clients.codeBuild();
        RunServicesITBase.createProject(codeBuild);
        WaitPolicy waits = new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(60));
        var start = new StartBootstrapStep(new CodeBuildRunner(codeBuild), new StartBootstrapStep.Settings(
                RunServicesITBase.PROJECT, "cdk-bootstrap-target", PinnedCdkCli.packaged().cliVersion(), null), waits, Clock.systemUTC());
        var check = new CheckBootstrapStep(new CodeBuildRunner(codeBuild), waits, Clock.systemUTC());
        TargetAccounts accounts = new TargetAccounts(emulator());

        RunContext run = wiring.loadConfigStep().run(new LoadConfigInput(new ExecutionInput(null, null, null, null, null, "manual", null), "run-ok"));
        for (TargetItem item : items(run)) {
            TargetState state = wiring.prepareTargetStep().run(TargetState.of(ref(run), item));
            assertThat(state.decision()).isEqualTo(Decision.BOOTSTRAP);
            assertThat(state.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_MISSING);
            state = check.run(start.run(state));
            // moto's CodeBuild runs nothing: leave what `cdk bootstrap` would leave, then verify for real.
            var target = item.target();
            accounts.deployToolkit(target.account(), String.join(",", target.trust()),
                    String.join(",", target.executionPolicies().stream().map(p -> p.arn()).toList()), "33");
            state = wiring.verifyTargetStep().run(state);
            TargetResult result = wiring.recordResultStep().run(state);
            assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.BOOTSTRAPPED);
            assertThat(result.observed().version()).isEqualTo(33);
        }
        RunSummary summary = wiring.summarizeStep().run(run);

        assertThat(summary.counts()).isEqualTo(new Report.Counts(3, 0, 0, 3));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(5)).messages()).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("run-ok (manual) SUCCEEDED: 3 targets: 3 bootstrapped"));
        assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("runs/run-ok/report.md")).asUtf8String())
                .contains("| " + DEV + "/eu-west-1 | BOOTSTRAPPED |");
        try (IamClient devIam = clients.build(IamClient.builder(), new TargetAccounts(emulator()).credentials(DEV))) {
            assertThat(devIam.getPolicy(r -> r.policyArn("arn:aws:iam::" + DEV + ":policy/mlops-cdk-exec-eu-west-1"))
                    .policy().defaultVersionId()).isEqualTo("v1");
        }
    }

    @Test
    void anUpToDateTargetIsSkippedAndADryRunWritesNoPolicy() throws Exception {
        new TargetAccounts(emulator()).deployToolkit(PIPELINE, "", "arn:aws:iam::aws:policy/AdministratorAccess", "33");
        Wiring wiring = Wiring.from(env);
        RunContext run = wiring.loadConfigStep().run(new LoadConfigInput(
                new ExecutionInput(null, null, null, null, true, null, null), "run-dry"));

        List<TargetState> prepared = items(run).stream()
                .map(item -> wiring.prepareTargetStep().run(TargetState.of(ref(run), item))).toList();

        assertThat(prepared).extracting(s -> s.item().target().account(), TargetState::decision).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DEV, Decision.BOOTSTRAP),
                org.assertj.core.groups.Tuple.tuple(Samples.PROD, Decision.BOOTSTRAP),
                org.assertj.core.groups.Tuple.tuple(PIPELINE, Decision.SKIP));
        assertThat(prepared.get(0).reason()).startsWith("dry run: would bootstrap").contains("would create execution policy");
        try (IamClient devIam = clients.build(IamClient.builder(), new TargetAccounts(emulator()).credentials(DEV))) {
            assertThat(devIam.listPolicies(r -> r.scope("Local")).policies()).isEmpty();
        }
    }

    @Test
    void aBuildThatLeftNoToolkitIsNotConvergedAndTheLeaseIsGivenBack() throws Exception {
        Wiring wiring = Wiring.from(env);
        RunContext run = wiring.loadConfigStep().run(new LoadConfigInput(
                new ExecutionInput(null, null, null, List.of(DEV), null, null, null), "run-noop"));
        TargetState state = wiring.prepareTargetStep().run(TargetState.of(ref(run), items(run).get(0)));
        assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("locks/")).keyCount()).isEqualTo(1);
        // a build that exited 0 and changed nothing
        TargetState built = state.withBuild(new BuildInfo("p:1", BuildStatus.SUCCEEDED, null, null, null, null), null, null);

        TargetResult result = wiring.recordResultStep().run(wiring.verifyTargetStep().run(built));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.NOT_CONVERGED);
        assertThat(result.reason()).contains("toolkit stack CDKToolkit not found");
        assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("locks/")).keyCount()).isZero();
    }

    @Test
    void aTargetWithoutResultFailsTheRun() {
        Wiring wiring = Wiring.from(env);
        RunContext run = wiring.loadConfigStep().run(new LoadConfigInput(
                new ExecutionInput(null, null, null, List.of(DEV), null, null, null), "run-missing"));

        assertThatThrownBy(() -> wiring.summarizeStep().run(run)).isInstanceOf(TargetsFailed.class)
                .hasMessageContaining(DEV + "/eu-west-1 (NO_RESULT: no result recorded)");
    }

    @Test
    void aNewAccountInTheConfigStartsOneFilteredRun() {
        try (SfnClient sfn = clients.build(SfnClient.builder())) {
            env.put("STATE_MACHINE_ARN", RunServicesITBase.createStateMachine(sfn, "cdk-bootstrap"));
            var step = Wiring.from(env).newAccountStep();
            var event = Json.tolerant().valueToTree(Map.of("detail", Map.of("serviceEventDetails",
                    Map.of("createAccountStatus", Map.of("state", "SUCCEEDED", "accountId", DEV)))));

            NewAccountResult first = step.run((com.fasterxml.jackson.databind.JsonNode) event);
            NewAccountResult second = step.run((com.fasterxml.jackson.databind.JsonNode) event);

            assertThat(first.action()).isEqualTo(NewAccountResult.Action.STARTED);
            assertThat(second.executionArn()).isEqualTo(first.executionArn());
            var executions = sfn.listExecutions(r -> r.stateMachineArn(env.get("STATE_MACHINE_ARN"))).executions();
            assertThat(executions).singleElement().satisfies(e -> assertThat(e.name()).startsWith("new-account-" + DEV + "-"));
            String input = sfn.describeExecution(r -> r.executionArn(first.executionArn())).input();
            assertThat(input).contains("\"accounts\":[\"" + DEV + "\"]").contains("\"trigger\":\"new-account\"");
        }
    }
}
