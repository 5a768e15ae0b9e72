package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.commandline.CommandLines;
import dev.cdkbootstrap.handler.PinnedCdkCli;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The parsed command line of {@code bootstrapctl sandbox} ({@link SandboxCommand} declares the options).
 * ACCOUNT/REGION values are checked for shape, and options that contradict each other refused, here;
 * files (FILE, FILE2, the --given FILE) and the accounts and targets options name are checked by
 * {@link SandboxCommand} before anything starts.
 */
public record SandboxOptions(Path config, Optional<Path> policiesDir, Path report, boolean dryRun,
                             List<String> withoutRole, List<String> failingBuilds, Optional<String> thenNewAccount,
                             boolean rerun, Optional<Integer> maxConcurrency, int parallelBuilds, Path workDir,
                             Optional<Path> thenConfig, List<String> noopBuilds, boolean doubleUpload,
                             Optional<Path> given, boolean simulatedBuilds, List<String> startInputs,
                             Map<String, String> parameters, String managementAccount, List<String> outsideOrganization,
                             Optional<Boolean> approval, Optional<PinnedCdkCli> upgradeCdkFrom, boolean reconcile,
                             boolean serve) {
    /** The emulated organization's management account unless {@code --management-account} says otherwise. */
    public static final String DEFAULT_MANAGEMENT_ACCOUNT = "100000000000";
    /** --work-dir's default, the one work dir whose parent is created too (docs/sandbox.md, "Options"). */
    static final Path DEFAULT_WORK_DIR = Path.of("target/sandbox");

    /** {@code bootstrapctl sandbox --help}. */
    static final String USAGE = new CommandLine(new SandboxCommand(System.out)).getUsageMessage(CommandLine.Help.Ansi.OFF);

    /** Options that contradict each other are a usage error ({@link IllegalArgumentException}) here. */
    public SandboxOptions {
        for (String target : noopBuilds) {
            if (failingBuilds.contains(target)) {
                throw new IllegalArgumentException("--noop-build and --failing-build both name " + target + "; choose one");
            }
        }
        if (outsideOrganization.contains(managementAccount)) {
            throw new IllegalArgumentException("--outside-organization names the management account " + managementAccount
                    + "; the management account is always in its organization");
        }
        if (doubleUpload && dryRun) {
            throw new IllegalArgumentException("--double-upload uploads the config twice; a --dry-run is started by hand, not by an upload");
        }
        if (reconcile && "".equals(parameters.get("ReconcileSchedule"))) {
            throw new IllegalArgumentException("--reconcile fires the reconcile schedule; --parameter ReconcileSchedule="
                    + " (empty) deploys none");
        }
        if (maxConcurrency.isPresent() && parameters.containsKey("MapMaxConcurrency")) {
            throw new IllegalArgumentException("--max-concurrency and --parameter MapMaxConcurrency=... set the same"
                    + " template parameter; give one");
        }
        if (dryRun && (!failingBuilds.isEmpty() || !noopBuilds.isEmpty() || simulatedBuilds)) {
            throw new IllegalArgumentException("--dry-run starts no build: --failing-build, --noop-build and"
                    + " --simulated-builds would do nothing");
        }
    }

    /**
     * Parses {@code args} (as after {@code bootstrapctl sandbox}) without looking at any file; a usage error
     * throws {@link IllegalArgumentException} with the reason.
     */
    static SandboxOptions parse(List<String> args) {
        SandboxCommand command = new SandboxCommand(System.out);
        try {
            new CommandLine(command).parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new IllegalArgumentException(CommandLines.message(e), e);
        }
        return command.options();
    }

    /** Where the policy files of {@code file} are: --policies-dir, else beside the file. */
    Path policiesDirOf(Path file) {
        return policiesDir.orElse(file.toAbsolutePath().getParent());
    }
}
