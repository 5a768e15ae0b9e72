package dev.cdkbootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** upload, run, status, report: what is decided before any AWS call (usage errors, local validation). */
class StackCommandsTest {

    @TempDir
    Path dir;

    @Test
    void usageErrorsExitTwoNamingTheMistakeBeforeAnyAwsCall() throws IOException {
        Path file = Files.writeString(dir.resolve("a.yml"), "cdk_app_config: {}\n");
        List<Ctl.Result> results = List.of(
                Ctl.inProcess("run"),
                Ctl.inProcess("run", "--stack"),
                Ctl.inProcess("run", "--stack", "s", "--accounts", "12345"),
                Ctl.inProcess("run", "--stack", "s", "--accounts", "111111111111,"),
                Ctl.inProcess("run", "--stack", "s", "extra"),
                Ctl.inProcess("run", "--stack", "s", "--wait", "--wait"),
                Ctl.inProcess("run", "--stack", "s", "--wait=yes"),
                Ctl.inProcess("status", "--stack", "s", "run-1", "run-2"),
                Ctl.inProcess("status", "--stack", "s", "--format", "md"),
                Ctl.inProcess("report", "--stack", "s"),
                Ctl.inProcess("report", "--stack", "s", "run-1", "--format", "html"),
                Ctl.inProcess("upload", "--stack", "s"),
                Ctl.inProcess("upload", file.toString(), "--stack", "s", "--policies-dir", dir.resolve("absent").toString()),
                Ctl.inProcess("status", "--stack", "s", "--endpoint-url", "localhost:4566"),
                Ctl.inProcess("upload", "a.yml"));
        assertThat(results).allSatisfy(r -> {
            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains("Usage: bootstrapctl ", "--stack=NAME", "See 'bootstrapctl ");
        });
        assertThat(results).extracting(r -> r.err().lines().findFirst().orElse("")).containsExactly(
                "bootstrapctl run: needs --stack NAME",
                "bootstrapctl run: --stack needs a value (NAME)",
                "bootstrapctl run: --accounts wants 12-digit account ids separated by commas, got \"12345\"",
                "bootstrapctl run: --accounts wants 12-digit account ids separated by commas, got \"111111111111,\"",
                "bootstrapctl run: unexpected argument \"extra\"",
                "bootstrapctl run: --wait is given twice",
                "bootstrapctl run: Invalid value for option '--wait': 'yes' is not a boolean",
                "bootstrapctl status: unexpected argument \"run-2\"",
                "bootstrapctl status: unknown option \"--format\"; \"--format\" is an option of plan and report, not of status",
                "bootstrapctl report: needs RUN_ID",
                "bootstrapctl report: --format must be json or md, got \"html\"",
                "bootstrapctl upload: needs FILE (or --config FILE)",
                "bootstrapctl upload: --policies-dir " + dir.resolve("absent") + ": no such directory",
                "bootstrapctl status: --endpoint-url must be an http(s) URL such as http://127.0.0.1:4566, not 'localhost:4566'",
                "bootstrapctl upload: needs --stack NAME");
    }

    @Test
    void anInvalidConfigIsReportedLikeValidateAndNothingIsUploaded() throws IOException {
        Path file = Files.writeString(dir.resolve("cdk-app.yml"), "cdk_app_config:\n  pipeline:\n    account: \"11111\"\n");

        // no AWS settings are needed: the endpoint below does not exist and is never called
        Ctl.Result r = Ctl.inProcess("upload", file.toString(), "--stack", "s", "--endpoint-url", "http://127.0.0.1:9");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(file + ":3:14: error: cdk_app_config.pipeline.account: account \"11111\" has 5 digits")
                .endsWith("bootstrapctl upload: " + file + " is invalid; nothing was uploaded\n");
    }

    @Test
    void aMissingFileIsAUsageErrorAsInValidate() {
        String file = dir.resolve("nope.yml").toString();
        Ctl.Result r = Ctl.inProcess("upload", file, "--stack", "s");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("bootstrapctl upload: " + file + ": no such file\n");
    }

    @Test
    void anAccountNoTargetOfTheDeployedConfigHasIsRefusedWithDidYouMean() {
        byte[] config = ("cdk_app_config:\n  pipeline: {account: \"111111111111\", region: eu-west-1}\n  deployments:\n"
                + "    - set_name: a\n      stages: [{stage_name: dev, account: \"222222222222\"}]\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var deployed = new dev.cdkbootstrap.cli.stack.DeployedConfig("s3://b/cdk-app.yml", "v1",
                dev.cdkbootstrap.plan.ConfigPlanner.plan("cdk-app.yml", config, relative -> java.util.Optional.empty()));
        RunCommands.checkAccounts(List.of("222222222222"), deployed);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunCommands.checkAccounts(List.of("222222222223"), deployed))
                .isInstanceOf(dev.cdkbootstrap.commandline.UsageException.class)
                .hasMessage("--accounts 222222222223 is not the account of any target of the deployed config"
                        + " s3://b/cdk-app.yml; did you mean \"222222222222\"? (version v1; its target accounts:"
                        + " 111111111111,222222222222); nothing started");
    }

    @Test
    void accountsAreSplitOnCommasTrimmedAndDeduplicated() {
        assertThat(RunCommands.accounts("111111111111, 222222222222,111111111111"))
                .containsExactly("111111111111", "222222222222");
    }

    @Test
    void helpListsTheDeployedStackCommandsAndWhatTheyShare() {
        Ctl.Result r = Ctl.inProcess("help");
        assertThat(r.out()).contains("  upload ", "  status ", "  report ", "--endpoint-url URL or").contains("AWS_ENDPOINT_URL");
        for (String command : List.of("upload", "run", "status", "report", "approve", "reject")) {
            Ctl.Result help = Ctl.inProcess("help", command);
            assertThat(help.code()).as(command).isZero();
            assertThat(help.out()).as(command).contains("--stack=NAME", "--endpoint-url=URL", "AWS_ENDPOINT_URL");
            assertThat(Ctl.inProcess(command, "--help").out()).as(command).isEqualTo(help.out());
        }
        assertThat(Ctl.inProcess("status", "--help").out()).startsWith("Usage: bootstrapctl status [-h] [--endpoint-url=URL]"
                + " --stack=NAME [RUN_ID]");
    }
}
