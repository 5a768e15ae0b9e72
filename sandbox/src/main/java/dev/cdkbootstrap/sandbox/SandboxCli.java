package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.commandline.CommandLines;
import dev.cdkbootstrap.commandline.ExitCodes;
import dev.cdkbootstrap.commandline.PathArguments;
import dev.cdkbootstrap.commandline.UsageException;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.sandbox.toolkit.GivenFile;
import dev.cdkbootstrap.sandbox.toolkit.ToolkitState;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code bootstrapctl sandbox [--config] FILE [options]} ({@link SandboxCommand}): the whole workflow on this machine, no AWS
 * account, no Docker. Starts a fresh emulator, deploys the application from the project's files,
 * uploads FILE so the run starts through the same trigger as in AWS, shows progress, prints the
 * report table, writes the last run's report.json and report.md and ends with one status line; with {@code --serve} it then keeps serving
 * ({@link ServedSandbox}) until Ctrl-C. Exit 0 when no target failed in any run, 1 when
 * one did (or a run failed), 2 on usage errors (bad options, missing files or empty values, an invalid --given
 * file, a --work-dir that is a file or cannot be created in an existing folder, a --report that is no writable
 * X.json or would replace an input or a file that is no report, an option naming an account or target the
 * config does not have: all found before moto starts).
 */
public final class SandboxCli {
    private SandboxCli() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /**
     * Runs {@code bootstrapctl sandbox} with {@code args} (what follows {@code sandbox}); help and usage errors
     * as every bootstrapctl command ({@link CommandLines}). Returns the exit code.
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new SandboxCommand(out)).setCommandName("bootstrapctl sandbox");
        return CommandLines.configure(commandLine, out, err).execute(args.toArray(String[]::new));
    }

    /**
     * Checks what the options name before anything starts (every mistake a {@link UsageException}: exit 2),
     * then runs the sandbox: exit 0 when no target failed in any run, else 1.
     */
    static int start(SandboxOptions options, PrintStream out, PrintWriter err) {
        MotoForwarder.allowHostHeader();
        Path root;
        try {
            PathArguments.requireFile(null, options.config());
            options.policiesDir().ifPresent(dir -> PathArguments.requireDirectory("--policies-dir", dir));
            options.thenConfig().ifPresent(file -> PathArguments.requireFile("--then-config", file));
            options.given().ifPresent(file -> PathArguments.requireFile("--given", file));
            // What the session writes: checked now, not found after the whole run.
            PathArguments.requireWritableFile("--report", options.report(), options.workDir());
            OptionValues.report(options);
            // A bad --given file is a usage error, reported before anything starts.
            List<ToolkitState> given = options.given().map(GivenFile::read).orElse(List.of());
            root = projectRoot();
            // So is a --parameter that template.yaml does not declare or would refuse,
            SandboxParameters.checkGiven(root, options.parameters());
            // and an option that names an account or target the configs do not have.
            OptionTargets.check(options, given);
            // Last, so that a refused option leaves no folder; only the default's parent (target/) is created too.
            PathArguments.createDirectory("--work-dir", options.workDir(), options.workDir().equals(SandboxOptions.DEFAULT_WORK_DIR));
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
        try {
            return run(options, root, out);
        } catch (Exception e) { // one line here; the stack trace goes to the work folder's log
            Path details = options.workDir().resolve("sandbox-error.log");
            err.println("bootstrapctl sandbox: " + e + " (details: " + details + ")");
            writeTrace(e, details);
            return ExitCodes.INVALID;
        }
    }

    private static void writeTrace(Exception e, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            Files.writeString(file, trace.toString());
        } catch (IOException | RuntimeException ignored) {
            // the one-line message above is all the user gets
        }
    }

    /** Parses the command line (for the benchmark and tests); a usage error throws IllegalArgumentException. */
    public static SandboxOptions options(List<String> args) {
        return SandboxOptions.parse(args);
    }

    static int run(SandboxOptions options, Path projectRoot, PrintStream out) throws Exception {
        try (SandboxSession session = SandboxSession.open(options, projectRoot, out)) {
            List<RunOutcome> outcomes = session.runAll();
            session.writeReports(outcomes);
            if (options.serve()) { // until Ctrl-C; the process then ends with the signal's status
                ServedSandbox.serve(session, outcomes, out).untilStopped(out);
            }
            return outcomes.stream().allMatch(RunOutcome::succeeded) ? 0 : 1;
        }
    }

    /**
     * The project root: -Dsandbox.projectRoot, else the nearest folder with template.yaml and
     * statemachine/ up from the working directory, else up from where this class was loaded
     * (e.g. cli/target/bootstrapctl.jar), so bin/bootstrapctl works from any directory.
     */
    public static Path projectRoot() {
        String configured = System.getProperty("sandbox.projectRoot");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        List<Path> starts = new java.util.ArrayList<>(List.of(Path.of("").toAbsolutePath()));
        try {
            starts.add(Path.of(SandboxCli.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (java.net.URISyntaxException | RuntimeException unknown) {
            // no code source: the working directory is the only start
        }
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("statemachine"))) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException("cannot find the project root (template.yaml + statemachine/); set -Dsandbox.projectRoot");
    }
}
