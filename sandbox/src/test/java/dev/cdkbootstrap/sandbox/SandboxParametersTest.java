package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxParametersTest {
    private static final Path ROOT = E2ESupport.projectRoot();
    private static final String CALLER = "arn:aws:iam::123456789012:user/moto";

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void theSandboxScalesTheWaitsAndFillsTheRequiredParameters() {
        Map<String, String> values = SandboxParameters.resolve(ROOT, SandboxOptions.parse(List.of("--config", "c.yml")), 2, CALLER, out);

        assertThat(values).containsEntry("BuildPollSeconds", "2").containsEntry("BuildDeadlineMinutes", "5")
                .containsEntry("ToolkitBusyWaitMinutes", "2").containsEntry("OrganizationId", SandboxOrganization.DEFAULT_ID)
                .containsEntry("ConfigPublisherArns", CALLER).doesNotContainKey("MapMaxConcurrency");
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("nothing explicit, nothing to report").isEmpty();
    }

    @Test
    void anExplicitParameterWinsAndIsPrintedWithWhatItReplaced() {
        SandboxOptions options = SandboxOptions.parse(List.of("--config", "c.yml", "--parameter", "OrganizationId=o-abcdefghij",
                "--parameter", "BuildDeadlineMinutes=7", "--parameter", "AllowManagementAccount=true"));

        Map<String, String> values = SandboxParameters.resolve(ROOT, options, 2, CALLER, out);

        assertThat(values).containsEntry("OrganizationId", "o-abcdefghij").containsEntry("BuildDeadlineMinutes", "7")
                .containsEntry("AllowManagementAccount", "true").containsEntry("BuildPollSeconds", "2");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("--parameter OrganizationId=o-abcdefghij (instead of the sandbox's o-sandbox0001)")
                .contains("--parameter BuildDeadlineMinutes=7 (instead of the sandbox's 5)")
                .contains("--parameter AllowManagementAccount=true (instead of the template Default false)");
    }

    @Test
    void theCdkVersionIsNoParameterAndTheUsageErrorSaysWhereItIsPinned() {
        for (String name : List.of("CdkVersion", "CdkBootstrapTemplateVersion")) {
            assertThatThrownBy(() -> SandboxParameters.checkGiven(ROOT, Map.of(name, "2.1000.0")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--parameter " + name + ": the CDK CLI version is no template parameter")
                    .hasMessageContaining("the aws-cdk pin in package.json").hasMessageContaining("--upgrade-cdk-from");
        }
    }

    @Test
    void anExplicitValueBelowATemplateMinimumIsRefusedThoughTheSandboxsOwnScaledValueIsNot() {
        assertThatThrownBy(() -> SandboxParameters.checkGiven(ROOT, Map.of("BuildPollSeconds", "2")))
                .hasMessageContaining("BuildPollSeconds=2 is below its MinValue 5");
        assertThat(SandboxParameters.resolve(ROOT, SandboxOptions.parse(List.of("--config", "c.yml")), 2, CALLER, out))
                .containsEntry("BuildPollSeconds", "2");
    }

    @Test
    void theCallerIsNamedAsTheBucketPolicySeesIt() {
        assertThat(SandboxParameters.principalArn("arn:aws:sts::123456789012:assumed-role/ci-publisher/session-1", out))
                .isEqualTo("arn:aws:iam::123456789012:role/ci-publisher");
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("a session is no quirk").isEmpty();
        assertThat(SandboxParameters.principalArn("arn:aws:sts::123456789012:user/moto", out))
                .isEqualTo("arn:aws:iam::123456789012:user/moto");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("moto quirk: GetCallerIdentity says arn:aws:sts::123456789012:user/moto");
        assertThat(SandboxParameters.principalArn("arn:aws:iam::123456789012:user/alice", out)).isEqualTo("arn:aws:iam::123456789012:user/alice");
    }
}
