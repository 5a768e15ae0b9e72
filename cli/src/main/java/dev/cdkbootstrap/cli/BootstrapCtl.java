package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.commandline.CommandLines;
import dev.cdkbootstrap.commandline.ExitCodes;
import dev.cdkbootstrap.sandbox.SandboxCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bootstrapctl}: the command line of the CDK Bootstrap Orchestrator (picocli). Every command takes
 * {@code -h/--help}; {@code bootstrapctl --version} and {@code bootstrapctl help [COMMAND]}; usage errors
 * (with a "did you mean", and the hints of {@link CommandHints}) and unexpected failures as {@link CommandLines}
 * says: one message line, never a stack trace. Exit codes: {@link ExitCodes}.
 */
@Command(name = "bootstrapctl", mixinStandardHelpOptions = true, versionProvider = Version.class,
        synopsisSubcommandLabel = "COMMAND", usageHelpWidth = 110,
        description = "The CDK Bootstrap Orchestrator: check and plan a cdk-app.yml, run the whole workflow offline,"
                + " act on a deployed stack. 'bootstrapctl COMMAND --help' shows a command's options.",
        commandListHeading = "%nCommands:%n", footer = BootstrapCtl.FOOTER)
public final class BootstrapCtl implements Callable<Integer> {
    /** Said once under the commands: what the deployed-stack commands share, and the exit codes. */
    static final String FOOTER = """
            %nupload, run, status, report, approve and reject act on a deployed stack with the default AWS \
            credential chain; region: AWS_REGION (or AWS_DEFAULT_REGION, or the profile's); endpoint: \
            --endpoint-url URL or AWS_ENDPOINT_URL (an emulator, e.g. 'bootstrapctl sandbox --serve').
            %nExit codes: 0 ok (no target failed); 1 invalid input, a target or run failed, or AWS refused; \
            2 usage error (unknown command or option, missing file or a directory given for a file, an option \
            naming an account or target the config does not have; no AWS region or credentials).""";

    /** slf4j-nop: nothing logs through SLF4J outside the sandbox, and Log4j's start costs ~0.3 s. */
    private static final String QUIET_LOGGING = "org.slf4j.nop.NOPServiceProvider";
    /** Log4j, as in Lambda: the sandbox runs the functions in this process. */
    private static final String FUNCTION_LOGGING = "org.apache.logging.slf4j.SLF4JServiceProvider";

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        selectLogging(args.length == 0 ? "" : args[0]);
        int code = run(Arrays.asList(args), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line; the process exit code is the result. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new BootstrapCtl())
                .addSubcommand(new ConfigCommands.Validate(out, err))
                .addSubcommand(new ConfigCommands.PlanCommand(out, err))
                .addSubcommand(new SandboxCommand(out))
                .addSubcommand(new UploadCommand(out, err))
                .addSubcommand(new RunCommands.Run(out, err))
                .addSubcommand(new RunCommands.Status(out, err))
                .addSubcommand(new RunCommands.Report(out, err))
                .addSubcommand(new ApprovalCommands.Approve(out, err))
                .addSubcommand(new ApprovalCommands.Reject(out, err))
                .addSubcommand(new HelpCommand());
        return CommandHints.install(CommandLines.configure(commandLine, out, err)).execute(args.toArray(String[]::new));
    }

    /** {@code bootstrapctl} alone: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * Names the SLF4J provider (unless -Dslf4j.provider does), so SLF4J neither searches the class path nor
     * warns when it finds two (the test class path has both).
     */
    private static void selectLogging(String command) {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", command.equals("sandbox") ? FUNCTION_LOGGING : QUIET_LOGGING);
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }
}
