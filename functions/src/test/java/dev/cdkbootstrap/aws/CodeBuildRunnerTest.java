package dev.cdkbootstrap.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.workflow.model.BuildStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;

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
    void beforeItsLogStreamExistsTheLinkIsTheBuildsConsolePage() {
        Build build = Build.builder().id("cdk-bootstrap:abc").arn(ARN).projectName("cdk-bootstrap")
                .logs(l -> l.deepLink("https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logEvent:group=null;stream=null"))
                .build();

        assertThat(CodeBuildRunner.logsUrl(build)).isEqualTo("https://eu-west-1.console.aws.amazon.com/codesuite/"
                + "codebuild/999999999999/projects/cdk-bootstrap/build/cdk-bootstrap%3Aabc/?region=eu-west-1");
    }

    @Test
    void onceLoggingTheLinkIsCodeBuildsDeepLink() {
        String deepLink = "https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logEvent:group=/aws/codebuild/x;stream=abc";
        Build build = Build.builder().id("p:1").arn(ARN).logs(l -> l.groupName("/aws/codebuild/x").deepLink(deepLink)).build();

        assertThat(CodeBuildRunner.logsUrl(build)).isEqualTo(deepLink);
    }
}
