package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.sandbox.toolkit.GivenFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bootstrapctl sandbox --config FILE [options]}: the whole workflow on this machine, no AWS
 * account, no Docker. Starts a fresh emulator, deploys the application from the project's files,
 * uploads FILE so the run starts through the same trigger as in AWS, shows progress, prints the
 * report table, writes the last run's report.json and report.md and ends with one status line; with {@code --serve} it then keeps serving
 * ({@link ServedSandbox}) until Ctrl-C. Exit 0 when no target failed in any run, 1 when
 * one did (or a run failed), 2 on usage errors (bad options, missing files, an invalid --given file:
 * all found before moto starts).
 */
public final class SandboxCli {
    private SandboxCli() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        MotoForwarder.allowHostHeader();
        if (args.contains("--help") || args.contains("-h")) {
            out.println(SandboxOptions.USAGE);
            return 0;
        }
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(args);
            if (!Files.isRegularFile(options.config())) {
                throw new IllegalArgumentException("config file not found: " + options.config());
            }
            if (options.thenConfig().isPresent() && !Files.isRegularFile(options.thenConfig().get())) {
                throw new IllegalArgumentException("--then-config file not found: " + options.thenConfig().get());
            }
            // A bad --given file is a usage error, reported before anything starts.
            options.given().ifPresent(GivenFile::read);
            // So is a --parameter that template.yaml does not declare or would refuse.
            SandboxParameters.checkGiven(projectRoot(), options.parameters());
        } catch (IllegalArgumentException e) {
            err.println("bootstrapctl sandbox: " + e.getMessage());
            err.println(SandboxOptions.USAGE);
            return 2;
        }
        try {
            return run(options, projectRoot(), out);
        } catch (Exception e) { // one line here; the stack trace goes to the work folder's log
            Path details = options.workDir().resolve("sandbox-error.log");
            err.println("bootstrapctl sandbox: " + e + " (details: " + details + ")");
            writeTrace(e, details);
            return 1;
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
