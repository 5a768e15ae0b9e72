package dev.cdkbootstrap.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.workflow.error.BuildThrottled;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsResponse;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;
import software.amazon.awssdk.services.codebuild.model.CodeBuildException;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StartBuildResponse;
import software.amazon.awssdk.services.codebuild.model.StopBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StopBuildResponse;

/** How a CodeBuild build (as the SDK returns it) is read: status, failed phase, logs link. */
class CodeBuildRunnerTest {
    private static final String ARN = "arn:aws:codebuild:eu-west-1:999999999999:build/cdk-bootstrap:abc";

    private static BuildPhase phase(String type, String status) {
        return BuildPhase.builder().phaseType(type).phaseStatus(status).build();
    }

    @Test
    void theFailedPhaseIsTheFirstPhaseThatDidNotSucceed() {
        Build build = Build.builder().id("cdk-bootstrap:abc").arn(ARN).projectName("cdk-bootstrap")
                .buildStatus("FAILED").endTime(Instant.parse("2026-11-25T10:05:00Z"))
                .phases(phase("SUBMITTED", "SUCCEEDED"), phase("INSTALL", "SUCCEEDED"), phase("BUILD", "FAILED"),
                        phase("POST_BUILD", "FAILED"), BuildPhase.builder().phaseType("COMPLETED").build())
                .build();

        var view = CodeBuildRunner.view(build);

        assertThat(view.status()).isEqualTo(BuildStatus.FAILED);
        assertThat(view.failedPhase()).isEqualTo("BUILD");
        assertThat(view.endedAt()).isEqualTo(Instant.parse("2026-11-25T10:05:00Z"));
    }

    @Test
    void aRunningBuildIsInProgressWithoutEnd() {
        var view = CodeBuildRunner.view(Build.builder().id("p:1").arn(ARN).buildStatus("IN_PROGRESS")
                .phases(phase("INSTALL", null)).build());

        assertThat(view.status()).isEqualTo(BuildStatus.IN_PROGRESS);
        assertThat(view.failedPhase()).isNull();
        assertThat(view.endedAt()).isNull();
    }

    @Test
    void aQueuedBuildIsNotRunningYet() {
        Build queued = Build.builder().id("p:1").arn(ARN).buildStatus("IN_PROGRESS").currentPhase("QUEUED")
                .startTime(Instant.parse("2026-11-25T10:00:00Z"))
                .phases(timedPhase("SUBMITTED", "2026-11-25T10:00:00Z"), timedPhase("QUEUED", "2026-11-25T10:00:01Z"))
                .build();

        assertThat(CodeBuildRunner.view(queued).runningSince()).isNull();
    }

    @Test
    void aBuildRunsFromTheStartOfItsFirstPhaseAfterTheQueue() {
        Build running = Build.builder().id("p:1").arn(ARN).buildStatus("IN_PROGRESS").currentPhase("INSTALL")
                .startTime(Instant.parse("2026-11-25T10:00:00Z"))
                .phases(timedPhase("SUBMITTED", "2026-11-25T10:00:00Z"), timedPhase("QUEUED", "2026-11-25T10:00:01Z"),
                        timedPhase("PROVISIONING", "2026-11-25T10:12:00Z"), timedPhase("INSTALL", "2026-11-25T10:12:40Z"))
                .build();

        assertThat(CodeBuildRunner.view(running).runningSince()).isEqualTo(Instant.parse("2026-11-25T10:12:00Z"));
    }

    private static BuildPhase timedPhase(String type, String start) {
        return BuildPhase.builder().phaseType(type).startTime(Instant.parse(start)).build();
    }

    @Test
    void beforeItsLogStreamExistsTheLinkIsTheBuildsConsolePage() {
        Build build = Build.builder().id("cdk-bootstrap:abc").arn(ARN).projectName("cdk-bootstrap")
                .logs(l -> l.deepLink("https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logEvent:group=null;stream=null"))
                .build();

        assertThat(CodeBuildRunner.logsUrl(build)).isEqualTo("https://eu-west-1.console.aws.amazon.com/codesuite/"
                + "codebuild/999999999999/projects/cdk-bootstrap/build/cdk-bootstrap%3Aabc/?region=eu-west-1");
    }

    @Test
    void outsidePartitionAwsNoConsolePageIsMadeUpUntilCodeBuildGivesItsLink() {
        for (String arn : List.of("arn:aws-cn:codebuild:cn-north-1:999999999999:build/cdk-bootstrap:abc",
                "arn:aws-us-gov:codebuild:us-gov-west-1:999999999999:build/cdk-bootstrap:abc",
                "arn:aws-eusc:codebuild:eusc-de-east-1:999999999999:build/cdk-bootstrap:abc")) {
            Build build = Build.builder().id("cdk-bootstrap:abc").arn(arn).projectName("cdk-bootstrap").build();
            assertThat(CodeBuildRunner.logsUrl(build)).as(arn).isNull();
        }
    }

    @Test
    void onceLoggingTheLinkIsCodeBuildsDeepLink() {
        String deepLink = "https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logEvent:group=/aws/codebuild/x;stream=abc";
        Build build = Build.builder().id("p:1").arn(ARN).logs(l -> l.groupName("/aws/codebuild/x").deepLink(deepLink)).build();

        assertThat(CodeBuildRunner.logsUrl(build)).isEqualTo(deepLink);
    }

    /** A CodeBuild client whose every call fails with the given AWS error code. */
    private static CodeBuildClient failingWith(String code, int status) {
        CodeBuildException error = (CodeBuildException) CodeBuildException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " says no").build()).build();
        return new CodeBuildClient() {
            @Override public String serviceName() { return "codebuild"; }
            @Override public void close() {}
            @Override public StartBuildResponse startBuild(StartBuildRequest request) { throw error; }
            @Override public BatchGetBuildsResponse batchGetBuilds(BatchGetBuildsRequest request) { throw error; }
            @Override public StopBuildResponse stopBuild(StopBuildRequest request) { throw error; }
        };
    }

    @Test
    void throttlingOnStartStatusAndStopIsBuildThrottled() {
        CodeBuildRunner runner = new CodeBuildRunner(failingWith("ThrottlingException", 400));

        assertThatThrownBy(() -> runner.start("p", Map.of(), "token")).isInstanceOf(BuildThrottled.class)
                .hasMessageContaining("refused to start a build of p now");
        assertThatThrownBy(() -> runner.get("p:1")).isInstanceOf(BuildThrottled.class)
                .hasMessageContaining("did not report build p:1 now").hasMessageContaining("ThrottlingException says no");
        assertThatThrownBy(() -> runner.stop("p:1")).isInstanceOf(BuildThrottled.class)
                .hasMessageContaining("did not stop build p:1 now");
        assertThatThrownBy(() -> new CodeBuildRunner(failingWith("AccountLimitExceededException", 400)).start("p", Map.of(), "t"))
                .isInstanceOf(BuildThrottled.class);
    }

    @Test
    void otherCodeBuildErrorsStayWhatTheyAre() {
        CodeBuildRunner runner = new CodeBuildRunner(failingWith("AccessDeniedException", 400));

        assertThatThrownBy(() -> runner.get("p:1")).isInstanceOf(CodeBuildException.class)
                .isNotInstanceOf(BuildThrottled.class);
        assertThatThrownBy(() -> runner.stop("p:1")).isInstanceOf(CodeBuildException.class);
    }
}
