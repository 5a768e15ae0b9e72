package dev.cdkbootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cdkbootstrap.aws.CodeBuildRunner;
import dev.cdkbootstrap.aws.SfnExecutionStarter;
import dev.cdkbootstrap.aws.SnsNotifier;
import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.port.BuildRunner;
import dev.cdkbootstrap.workflow.port.ExecutionStarter;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** CodeBuild, Step Functions and SNS adapters in the orchestrator's account, with the real SDK. */
abstract class RunServicesITBase {
    static final String PROJECT = "cdk-bootstrap";
    static final String ROLE = "arn:aws:iam::123456789012:role/orchestrator";

    protected abstract Emulator emulator();

    private TestClients clients;

    @BeforeEach
    void clients() {
        clients = new TestClients(emulator());
    }

    static void createProject(CodeBuildClient codeBuild) {
        codeBuild.createProject(r -> r.name(PROJECT).serviceRole(ROLE)
                .source(s -> s.type(SourceType.S3).location("artifact-bucket/bootstrap.zip"))
                .artifacts(a -> a.type(ArtifactsType.NO_ARTIFACTS))
                .environment(e -> e.type(EnvironmentType.LINUX_CONTAINER).computeType(ComputeType.BUILD_GENERAL1_SMALL)
                        .image("aws/codebuild/standard:7.0")));
    }

    static String createStateMachine(SfnClient sfn, String name) {
        return sfn.createStateMachine(r -> r.name(name).roleArn(ROLE)
                .definition("{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Pass\",\"End\":true}}}"))
                .stateMachineArn();
    }

    @Test
    void aStartedBuildIsInProgressThenReportsItsEnd() {
        assumeTrue(emulator().supports("codebuild"), "no CodeBuild in this emulator");
        try (CodeBuildClient codeBuild = clients.codeBuild()) {
            createProject(codeBuild);
            CodeBuildRunner runner = new CodeBuildRunner(codeBuild);

            BuildInfo started = runner.start(PROJECT, Map.of("TARGET_ACCOUNT", "111111111111"), "a".repeat(64));

            assertThat(started.id()).startsWith(PROJECT + ":");
            assertThat(started.status()).isEqualTo(BuildStatus.IN_PROGRESS);
            assertThat(started.logsUrl()).contains("codebuild");
            BuildInfo ended = runner.get(started.id());
            assertThat(ended.status()).isEqualTo(BuildStatus.SUCCEEDED);
            assertThat(ended.failedPhase()).isNull();
            assertThat(ended.endedAt()).isNotNull();
        }
    }

    /**
     * moto's CodeBuild ends every build at once, so this proves only that StopBuild is accepted for
     * a started build and the status read stays consistent (STOPPED where the emulator can still
     * stop it). Stopping a build past its deadline is proven by CheckBootstrapStepTest.
     */
    @Test
    void stopIsAcceptedForAStartedBuild() {
        assumeTrue(emulator().supports("codebuild"), "no CodeBuild in this emulator");
        try (CodeBuildClient codeBuild = clients.codeBuild()) {
            createProject(codeBuild);
            CodeBuildRunner runner = new CodeBuildRunner(codeBuild);
            String id = runner.start(PROJECT, Map.of(), "b".repeat(64)).id();

            runner.stop(id);

            assertThat(runner.get(id).status()).isIn(BuildStatus.STOPPED, BuildStatus.SUCCEEDED);
        }
    }

    @Test
    void startingTheSameExecutionNameTwiceStartsOneExecution() {
        try (SfnClient sfn = clients.build(SfnClient.builder())) {
            String machine = createStateMachine(sfn, "cdk-bootstrap-it");
            SfnExecutionStarter starter = new SfnExecutionStarter(sfn);

            ExecutionStarter.Started first = starter.start(machine, "new-account-111111111111-abc", "{\"trigger\":\"new-account\"}");
            ExecutionStarter.Started again = starter.start(machine, "new-account-111111111111-abc", "{\"trigger\":\"new-account\"}");

            assertThat(first.alreadyExisted()).isFalse();
            assertThat(again.executionArn()).isEqualTo(first.executionArn());
            assertThat(sfn.listExecutions(r -> r.stateMachineArn(machine)).executions()).hasSize(1);
        }
    }

    @Test
    void aNameTakenWithOtherInputIsReportedAsAlreadyStarted() {
        try (SfnClient sfn = clients.build(SfnClient.builder())) {
            String machine = createStateMachine(sfn, "cdk-bootstrap-it");
            SfnExecutionStarter starter = new SfnExecutionStarter(sfn);
            ExecutionStarter.Started first = starter.start(machine, "run-x", "{\"a\":1}");

            ExecutionStarter.Started again = starter.start(machine, "run-x", "{\"a\":2}");

            assertThat(again.alreadyExisted()).isTrue();
            assertThat(again.executionArn()).isEqualTo(first.executionArn());
        }
    }

    @Test
    void aPublishedSummaryReachesTheTopicsSubscribers() {
        try (SnsClient sns = clients.build(SnsClient.builder()); SqsClient sqs = clients.build(SqsClient.builder())) {
            String topic = sns.createTopic(r -> r.name("cdk-bootstrap-reports")).topicArn();
            String queueUrl = sqs.createQueue(r -> r.queueName("reports")).queueUrl();
            String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(queueArn)
                    .attributes(Map.of("RawMessageDelivery", "true")));

            new SnsNotifier(sns, topic).publish("CDK bootstrap SUCCEEDED: run-1", "Run run-1: 3 planned");

            var messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(5)).messages();
            assertThat(messages).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo("Run run-1: 3 planned"));
        }
    }
}
