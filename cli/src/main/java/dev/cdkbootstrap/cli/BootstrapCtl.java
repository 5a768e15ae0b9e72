package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.sandbox.SandboxCli;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bootstrapctl}: the command line of the CDK Bootstrap Orchestrator. A small registry maps
 * subcommand names to implementations; unexpected failures become one message line and exit 1,
 * never a stack trace.
 */
public final class BootstrapCtl {

    /** A registered subcommand and its usage line. */
    record Entry(String usage, Subcommand command) {}

    private static Map<String, Entry> commands() {
        Map<String, Entry> commands = new LinkedHashMap<>();
        commands.put("validate", new Entry("validate FILE [--policies-dir DIR]"
                + "\n      check a cdk-app.yml; exit 0 when valid, 1 with one line per error", ConfigCommands::validate));
        commands.put("plan", new Entry("plan FILE [--policies-dir DIR] [--format json|text]"
                + "\n      print the bootstrap plan (default json); invalid input behaves like validate", ConfigCommands::plan));
        commands.put("sandbox", new Entry("sandbox --config FILE [options]"
                + "\n      run the whole workflow offline (moto + local CodeBuild); exit 0 when no target failed,"
                + "\n      1 when any did, 2 on a usage error; 'sandbox --help' lists the options", SandboxCli::run));
        commands.put("upload", new Entry("upload FILE --stack NAME [--policies-dir DIR] [--wait]"
                + "\n      validate FILE, upload the files its plan names, then FILE (this starts a run); print the run"
                + "\n      id; --wait follows it to its report table", UploadCommand::upload));
        commands.put("run", new Entry("run --stack NAME [--dry-run] [--accounts A,B] [--wait]"
                + "\n      start a run of the deployed config by hand (--accounts: only these accounts' targets, each"
                + "\n      checked against the config first); print its id, or with --wait follow it", RunCommands::run));
        commands.put("status", new Entry("status --stack NAME [RUN_ID]"
                + "\n      a run (default: the latest): its progress while it runs, its report table once it ended",
                RunCommands::status));
        commands.put("report", new Entry("report --stack NAME RUN_ID [--format json|md]"
                + "\n      print the run's report.json (default) or report.md", RunCommands::report));
        commands.put("approve", new Entry("approve --stack NAME RUN_ID [--comment TEXT] [--endpoint-url URL]"
                + "\n      let a run that waits for approval go on (AWS credentials and AWS_REGION of the stack)",
                ApprovalCommands::approve));
        commands.put("reject", new Entry("reject --stack NAME RUN_ID [--comment TEXT] [--endpoint-url URL]"
                + "\n      reject a run that waits for approval: it bootstraps nothing and fails", ApprovalCommands::reject));
        return commands;
    }

    /** Said once under the commands: what the deployed-stack commands share. */
    private static final String STACK_NOTE = """

            upload, run, status, report, approve and reject act on a deployed stack with the default AWS
            credential chain; region: AWS_REGION (or AWS_DEFAULT_REGION, or the profile's); endpoint:
            --endpoint-url URL or AWS_ENDPOINT_URL (an emulator, e.g. 'bootstrapctl sandbox --serve').
            Exit codes: 0 when no target failed, 1 when one did, the input is invalid or AWS refused, 2 usage.
            """;

    private BootstrapCtl() {}

    public static void main(String[] args) {
        int code = run(Arrays.asList(args), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line; the process exit code is the result. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, Entry> commands = commands();
        if (args.isEmpty()) {
            err.print(usage(commands));
            return ExitCodes.USAGE;
        }
        String name = args.get(0);
        if (List.of("help", "--help", "-h").contains(name)) {
            out.print(usage(commands));
            return ExitCodes.OK;
        }
        Entry entry = commands.get(name);
        if (entry == null) {
            err.println("bootstrapctl: unknown command \"" + name + "\"");
            err.print(usage(commands));
            return ExitCodes.USAGE;
        }
        try {
            return entry.command().run(args.subList(1, args.size()), out, err);
        } catch (UsageException e) {
            err.println("bootstrapctl " + name + ": " + e.getMessage());
            err.print(usage(commands));
            return ExitCodes.USAGE;
        } catch (Throwable e) { // last line of defence: a message, never a stack trace
            err.println("bootstrapctl " + name + ": internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return ExitCodes.INVALID;
        }
    }

    static String usage(Map<String, Entry> commands) {
        StringBuilder sb = new StringBuilder("usage: bootstrapctl <command> [arguments]\n\ncommands:\n");
        commands.values().forEach(e -> sb.append("  ").append(e.usage()).append('\n'));
        sb.append("  help\n      this text\n");
        return sb.append(STACK_NOTE).toString();
    }
}
