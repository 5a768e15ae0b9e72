package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxOptionsTest {

    @Test
    void repeatableOptionsCollectEveryValue() {
        SandboxOptions options = SandboxOptions.parse(List.of("--config", "c.yml", "--without-role", "111111111111",
                "--without-role", "222222222222", "--failing-build", "333333333333/eu-west-1", "--rerun"));
        assertThat(options.withoutRole()).containsExactly("111111111111", "222222222222");
        assertThat(options.failingBuilds()).containsExactly("333333333333/eu-west-1");
        assertThat(options.rerun()).isTrue();
        assertThat(options.report()).isEqualTo(Path.of("target/sandbox/report.json"));
    }

    @Test
    void serveIsAFlagOffByDefaultAndGivenOnce() {
        assertThat(SandboxOptions.parse(List.of("--config", "c.yml")).serve()).isFalse();
        assertThat(SandboxOptions.parse(List.of("--config", "c.yml", "--serve")).serve()).isTrue();
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--serve", "--serve")))
                .hasMessageContaining("--serve is given twice");
        assertThat(SandboxOptions.USAGE).contains("--serve");
    }

    @Test
    void theEmulatedOrganizationsAccountsAreOptions() {
        SandboxOptions defaults = SandboxOptions.parse(List.of("--config", "c.yml"));
        assertThat(defaults.managementAccount()).isEqualTo("100000000000");
        assertThat(defaults.outsideOrganization()).isEmpty();
        SandboxOptions given = SandboxOptions.parse(List.of("--config", "c.yml", "--management-account", "111111111111",
                "--outside-organization", "222222222222,333333333333"));
        assertThat(given.managementAccount()).isEqualTo("111111111111");
        assertThat(given.outsideOrganization()).containsExactly("222222222222", "333333333333");
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--outside-organization", "2222,3")))
                .hasMessageContaining("--outside-organization wants a 12-digit account id, got: 2222");
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--outside-organization",
                "100000000000"))).hasMessageContaining("names the management account 100000000000");
    }

    @Test
    void aMalformedFailingBuildIsAUsageError() {
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--failing-build", "1234/eu-west-1")))
                .hasMessageContaining("--failing-build");
    }

    @Test
    void theCliExitsTwoOnUsageErrorsAndSaysWhy() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SandboxCli.run(List.of("--dry-run"), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("bootstrapctl sandbox: needs FILE (or --config FILE): the cdk-app.yml to run\n")
                .contains("Usage: bootstrapctl sandbox [--config] FILE [OPTIONS]");
    }

    @Test
    void startInputsAreJsonObjectsKeptInOrder() {
        SandboxOptions options = SandboxOptions.parse(List.of("--config", "c.yml", "--start-input", "{\"trigger\": \"cron\"}",
                "--start-input", "{}"));

        assertThat(options.startInputs()).containsExactly("{\"trigger\": \"cron\"}", "{}");
        assertThat(SandboxOptions.parse(List.of("--config", "c.yml")).startInputs()).isEmpty();
        for (String bad : List.of("{\"trigger\":", "[1]", "manual")) {
            assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--start-input", bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--start-input wants a JSON object (an execution input), got: " + bad);
        }
    }

    @Test
    void aMissingConfigFileIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SandboxCli.run(List.of("--config", "no/such/file.yml"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("bootstrapctl sandbox: no/such/file.yml: no such file\n");
    }

    @Test
    void aRerunAndANewAccountCanFollowTheFirstRunTogether() {
        SandboxOptions options = SandboxOptions.parse(List.of("--config", "c.yml", "--rerun",
                "--then-new-account", "444444444444", "--work-dir", "build/w"));
        assertThat(options.rerun()).isTrue();
        assertThat(options.thenNewAccount()).contains("444444444444");
        assertThat(options.report()).as("the report goes with the work folder").isEqualTo(Path.of("build/w/report.json"));
    }
    @Test
    void theDay2OptionsAreRead() {
        SandboxOptions options = SandboxOptions.parse(List.of("--config", "c.yml", "--given", "g.yml", "--then-config", "c2.yml",
                "--noop-build", "222222222222/eu-west-1", "--noop-build", "333333333333/us-east-1", "--double-upload",
                "--simulated-builds", "--policies-dir", "p"));
        assertThat(options.given()).contains(Path.of("g.yml"));
        assertThat(options.thenConfig()).contains(Path.of("c2.yml"));
        assertThat(options.noopBuilds()).containsExactly("222222222222/eu-west-1", "333333333333/us-east-1");
        assertThat(options.doubleUpload()).isTrue();
        assertThat(options.simulatedBuilds()).isTrue();
        assertThat(options.policiesDirOf(Path.of("c2.yml"))).as("--policies-dir serves both configs").isEqualTo(Path.of("p"));
        assertThat(SandboxOptions.parse(List.of("--config", "dir/c.yml")).policiesDirOf(Path.of("other/c2.yml")))
                .isEqualTo(Path.of("other/c2.yml").toAbsolutePath().getParent());
    }

    @Test
    void conflictingOrMalformedDay2OptionsAreUsageErrors() {
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--noop-build", "22/eu-west-1")))
                .hasMessageContaining("--noop-build wants ACCOUNT/REGION");
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--noop-build", "222222222222/eu-west-1",
                "--failing-build", "222222222222/eu-west-1"))).hasMessageContaining("choose one");
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--double-upload", "--dry-run")))
                .hasMessageContaining("--double-upload");
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--given")))
                .hasMessageContaining("--given needs a value");
    }

    @Test
    void aBadGivenFileIsAUsageErrorNamingFileLineAndKeyBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("cdk-app.yml"), "cdk_app_config: {}\n");
        Path given = Files.writeString(dir.resolve("given.yml"), "toolkits:\n  - target: \"222222222222/eu-west-1\"\n    stauts: X\n");
        Path work = dir.resolve("work");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = SandboxCli.run(List.of("--config", config.toString(), "--given", given.toString(), "--work-dir", work.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(given + ":3:5: error: toolkits[0].stauts: unknown key \"stauts\"; did you mean \"status\"?");
        assertThat(work).as("nothing started: no work folder, no moto").doesNotExist();
    }

    @Test
    void aMissingThenConfigIsAUsageError(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("cdk-app.yml"), "cdk_app_config: {}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SandboxCli.run(List.of("--config", config.toString(), "--then-config", "no/such.yml"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("bootstrapctl sandbox: --then-config no/such.yml: no such file\n");
    }
    @Test
    void anOlderCdkPinIsReadAndMustBeOlderThanThePinnedOne() {
        var pinned = dev.cdkbootstrap.handler.PinnedCdkCli.packaged();
        SandboxOptions options = SandboxOptions.parse(List.of("--config", "c.yml", "--upgrade-cdk-from", "2.1000.0:30"));
        assertThat(options.upgradeCdkFrom()).contains(new dev.cdkbootstrap.handler.PinnedCdkCli("2.1000.0", 30));
        assertThat(SandboxOptions.parse(List.of("--config", "c.yml")).upgradeCdkFrom()).isEmpty();
        for (String value : List.of("2.1000.0", "2.1000.0:" + pinned.templateVersion(), pinned.cliVersion() + ":1", "x:1")) {
            assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--upgrade-cdk-from", value)))
                    .as(value).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--upgrade-cdk-from")
                    .hasMessageContaining(value.startsWith("x") ? "is not an npm version" : "of an older aws-cdk than the pinned");
        }
    }

    @Test
    void reconcileFiresTheScheduleAndCannotBeAskedWithoutOne() {
        assertThat(SandboxOptions.parse(List.of("--config", "c.yml")).reconcile()).isFalse();
        assertThat(SandboxOptions.parse(List.of("--config", "c.yml", "--reconcile")).reconcile()).isTrue();
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--reconcile", "--parameter",
                "ReconcileSchedule="))).hasMessageContaining("--parameter ReconcileSchedule= (empty) deploys none");
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--reconcile", "--reconcile")))
                .hasMessageContaining("--reconcile is given twice");
    }

    @Test
    void parametersAreCollectedInOrderAndEachNameOnce() {
        SandboxOptions options = SandboxOptions.parse(List.of("--config", "c.yml", "--parameter", "OrganizationId=o-abcdefghij",
                "--parameter", "PipelineAccounts=111111111111,222222222222", "--parameter", "NotificationEmail="));
        assertThat(options.parameters()).containsExactly(java.util.Map.entry("OrganizationId", "o-abcdefghij"),
                java.util.Map.entry("PipelineAccounts", "111111111111,222222222222"), java.util.Map.entry("NotificationEmail", ""));
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--parameter", "A=1", "--parameter", "A=2")))
                .hasMessageContaining("--parameter A is given twice");
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--parameter", "no-equals-sign")))
                .hasMessageContaining("--parameter wants KEY=VALUE");
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--max-concurrency", "3",
                "--parameter", "MapMaxConcurrency=4"))).hasMessageContaining("set the same template parameter");
    }

    @Test
    void anUnknownOrRefusedParameterIsAUsageErrorNamingItBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("cdk-app.yml"), "cdk_app_config: {}\n");
        Path work = dir.resolve("work");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int unknown = SandboxCli.run(List.of("--config", config.toString(), "--parameter", "OrganisationId=NONE",
                "--work-dir", work.toString()), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        assertThat(unknown).isEqualTo(2);
        assertThat(err.toString()).contains("template.yaml has no parameter OrganisationId; its parameters are: ConfigKey,")
                .contains("OrganizationId").contains("ConfigPublisherArns").contains("Usage: bootstrapctl sandbox");
        err.reset();
        int refused = SandboxCli.run(List.of("--config", config.toString(), "--parameter", "PipelineAccounts=1111",
                "--work-dir", work.toString()), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(refused).isEqualTo(2);
        assertThat(err.toString()).contains("PipelineAccounts=1111 does not match its AllowedPattern");
        assertThat(work).as("nothing started").doesNotExist();
    }
}
