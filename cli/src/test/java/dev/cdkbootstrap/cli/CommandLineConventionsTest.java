package dev.cdkbootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conventions of the CDK CLI, SAM CLI and cfn-lint (README, "Command reference"), command by command. */
class CommandLineConventionsTest {
    private static final List<String> COMMANDS = List.of("validate", "plan", "sandbox", "upload", "run", "status", "report",
            "approve", "reject");
    private static final String VALID = "cdk_app_config:\n  pipeline: {account: \"111111111111\", region: eu-west-1}\n";

    @TempDir
    Path dir;

    @Test
    void everyCommandHasHelpOnStdoutWithExitZeroAndHelpCommandSaysTheSame() {
        for (String command : COMMANDS) {
            for (String flag : List.of("--help", "-h")) {
                Ctl.Result r = Ctl.inProcess(command, flag);
                assertThat(r.code()).as(command + " " + flag).isZero();
                assertThat(r.err()).as(command + " " + flag).isEmpty();
                assertThat(r.out()).as(command + " " + flag).startsWith("Usage: bootstrapctl " + command + " ")
                        .contains("-h, --help");
            }
            assertThat(Ctl.inProcess("help", command).out()).isEqualTo(Ctl.inProcess(command, "--help").out());
        }
        assertThat(Ctl.inProcess("--help").out()).isEqualTo(Ctl.inProcess("help").out()).contains("Exit codes: 0");
    }

    @Test
    void versionNamesTheProjectAndThePinnedCdkCli() {
        Ctl.Result r = Ctl.inProcess("--version");
        var pinned = dev.cdkbootstrap.handler.PinnedCdkCli.packaged();
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("bootstrapctl " + Version.project() + "\nCDK CLI aws-cdk " + pinned.cliVersion()
                + " (bootstrap template version " + pinned.templateVersion() + ")\n");
        assertThat(Version.project()).as("filtered from the pom").matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void aMistypedCommandOrOptionIsAUsageErrorWithDidYouMean() {
        Ctl.Result command = Ctl.inProcess("valdate", "cdk-app.yml");
        assertThat(command.code()).isEqualTo(2);
        assertThat(command.out()).isEmpty();
        assertThat(command.err()).startsWith("bootstrapctl: unknown command \"valdate\"; did you mean \"validate\"?\n"
                + "Usage: bootstrapctl [-hV] COMMAND\nSee 'bootstrapctl --help'.");

        Ctl.Result option = Ctl.inProcess("plan", "cdk-app.yml", "--fromat=text");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).startsWith("bootstrapctl plan: unknown option \"--fromat\"; did you mean \"--format\"?\n");

        Ctl.Result stack = Ctl.inProcess("status", "--stak", "s");
        assertThat(stack.err()).startsWith("bootstrapctl status: unknown option \"--stak\"; did you mean \"--stack\"?\n");

        assertThat(Ctl.inProcess("help", "stauts").err()).startsWith("bootstrapctl: unknown command \"stauts\"; did you"
                + " mean \"status\"?");
        Ctl.Result far = Ctl.inProcess("frobnicate");
        assertThat(far.code()).isEqualTo(2);
        assertThat(far.err()).startsWith("bootstrapctl: unknown command \"frobnicate\"\n");
    }

    @Test
    void theConfigFileIsPositionalOrGivenWithConfig() throws IOException {
        Path file = Files.writeString(dir.resolve("cdk-app.yml"), VALID);
        for (String command : List.of("validate", "plan")) {
            Ctl.Result positional = Ctl.inProcess(command, file.toString());
            Ctl.Result option = Ctl.inProcess(command, "--config", file.toString());
            assertThat(positional.code()).as(command).isZero();
            assertThat(option.out()).as(command).isEqualTo(positional.out());
            assertThat(Ctl.inProcess(command, "--config=" + file).out()).isEqualTo(positional.out());
        }
        Path other = Files.writeString(dir.resolve("other.yml"), VALID);
        Ctl.Result both = Ctl.inProcess("validate", file.toString(), "--config", other.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).startsWith("bootstrapctl validate: FILE " + file + " and --config " + other
                + " name two configs; give one\n");
    }

    @Test
    void aMissingFileOrADirectoryIsOneMessageAndExitTwoEverywhere() throws IOException {
        Path missing = dir.resolve("cdk-app.yml");
        Path folder = Files.createDirectories(dir.resolve("folder"));
        for (String command : List.of("validate", "plan", "upload", "sandbox")) {
            List<String> stack = command.equals("upload") ? List.of("--stack", "s") : List.of();
            Ctl.Result absent = Ctl.inProcess(args(command, missing.toString(), stack));
            assertThat(absent.code()).as(command).isEqualTo(2);
            assertThat(absent.out()).as(command).isEmpty();
            assertThat(absent.err()).as(command).startsWith("bootstrapctl " + command + ": " + missing + ": no such file\n"
                    + "Usage: bootstrapctl " + command);
            Ctl.Result directory = Ctl.inProcess(args(command, folder.toString(), stack));
            assertThat(directory.code()).as(command).isEqualTo(2);
            assertThat(directory.err()).as(command).startsWith("bootstrapctl " + command + ": " + folder
                    + ": is a directory, expected a file\n");
        }
        Path file = Files.writeString(dir.resolve("real.yml"), VALID);
        Ctl.Result notADirectory = Ctl.inProcess("plan", file.toString(), "--policies-dir", file.toString());
        assertThat(notADirectory.code()).isEqualTo(2);
        assertThat(notADirectory.err()).startsWith("bootstrapctl plan: --policies-dir " + file
                + ": is a file, expected a directory\n");
        Ctl.Result noDirectory = Ctl.inProcess("sandbox", file.toString(), "--policies-dir", dir.resolve("nope").toString());
        assertThat(noDirectory.err()).startsWith("bootstrapctl sandbox: --policies-dir " + dir.resolve("nope")
                + ": no such directory\n");
    }

    private static String[] args(String command, String file, List<String> more) {
        List<String> all = new java.util.ArrayList<>(List.of(command, file));
        all.addAll(more);
        return all.toArray(String[]::new);
    }
}
