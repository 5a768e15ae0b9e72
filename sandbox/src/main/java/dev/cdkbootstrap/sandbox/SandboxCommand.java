package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.commandline.HelpOption;
import dev.cdkbootstrap.commandline.PathArguments;
import dev.cdkbootstrap.commandline.UsageException;
import dev.cdkbootstrap.handler.PinnedCdkCli;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bootstrapctl sandbox [--config] FILE [options]}: the options (docs/sandbox.md, "Options"); values
 * become {@link SandboxOptions}, then {@link SandboxCli#start} checks the files and names and runs it.
 */
@Command(name = "sandbox", sortOptions = false, usageHelpWidth = 110,
        customSynopsis = "bootstrapctl sandbox [--config] FILE [OPTIONS]",
        description = "Run the whole workflow offline (moto + local CodeBuild): deploy the application, upload FILE"
                + " (a cdk-app.yml) so a run starts as in AWS, show its progress and report. Exit 0 when no target"
                + " failed, 1 when one did, 2 on a usage error (all found before anything starts).")
public final class SandboxCommand implements Callable<Integer> {
    private final PrintStream out;

    @Spec CommandSpec spec;
    @Mixin HelpOption help;
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The cdk-app.yml to run (or --config FILE).")
    Path file;
    @Option(names = "--config", paramLabel = "FILE", description = "The cdk-app.yml to run (as FILE).")
    Path config;
    @Option(names = "--policies-dir", paramLabel = "DIR", description = "Where the config's policy files are (default: beside FILE).")
    Path policiesDir;
    @Option(names = "--report", paramLabel = "FILE", description = "Write the last run's report.json here (default WORK_DIR/report.json).")
    Path report;
    @Option(names = "--dry-run", description = "Plan and prepare every target, start no build.")
    boolean dryRun;
    @Option(names = "--given", paramLabel = "FILE", description = "Toolkit stacks the targets hold before the first run (YAML, docs/sandbox.md).")
    Path given;
    @Option(names = "--without-role", paramLabel = "ACCOUNT", description = "Do not create the target role in ACCOUNT (repeatable).")
    List<String> withoutRole = new ArrayList<>();
    @Option(names = "--failing-build", paramLabel = "ACCOUNT/REGION", description = "That target's cdk command exits non-zero (repeatable).")
    List<String> failingBuilds = new ArrayList<>();
    @Option(names = "--noop-build", paramLabel = "ACCOUNT/REGION", description = "That target's cdk command exits 0 and changes nothing (repeatable).")
    List<String> noopBuilds = new ArrayList<>();
    @Option(names = "--simulated-builds", description = "Builds run no node/CDK CLI: they leave the state cdk bootstrap would.")
    boolean simulatedBuilds;
    @Option(names = "--double-upload", description = "Upload the config twice, about a second apart (two runs at once).")
    boolean doubleUpload;
    @Option(names = "--upgrade-cdk-from", paramLabel = "V:T", description = "The first run's functions as if package.json"
            + " pinned aws-cdk V (whose bootstrap template is version T; its builds are simulated); after it, redeploy"
            + " them with the real pin and upload FILE again.")
    String upgradeCdkFrom;
    @Option(names = "--then-config", paramLabel = "FILE2", description = "After that, upload FILE2 (policies beside it or in --policies-dir).")
    Path thenConfig;
    @Option(names = "--rerun", description = "After that, upload the last file again (FILE, or FILE2).")
    boolean rerun;
    @Option(names = "--then-new-account", paramLabel = "ACCOUNT", description = "After that, deliver new-account events for ACCOUNT (an account of the config).")
    String thenNewAccount;
    @Option(names = "--start-input", paramLabel = "JSON", description = "After that, start an execution by hand with this"
            + " execution input (as aws stepfunctions start-execution --input JSON; repeatable).")
    List<String> startInputs = new ArrayList<>();
    @Option(names = "--reconcile", description = "After that, fire the reconcile schedule once (ReconcileSchedule: rate(1 day)"
            + " unless a --parameter says otherwise; ReconcileMode report unless one says apply).")
    boolean reconcile;
    @Option(names = "--max-concurrency", paramLabel = "N", description = "The Map's MaxConcurrency (template parameter MapMaxConcurrency).")
    String maxConcurrency;
    @Option(names = "--parameter", paramLabel = "KEY=VALUE", description = "Deploy template.yaml with this parameter value"
            + " (repeatable; any parameter of template.yaml; overrides the sandbox's own values).")
    List<String> parameters = new ArrayList<>();
    @Option(names = "--management-account", paramLabel = "ACCOUNT", description = "The emulated organization's management account (default 100000000000).")
    String managementAccount;
    @Option(names = "--outside-organization", paramLabel = "A[,B]", description = "Accounts outside the emulated organization (default: none).")
    String outsideOrganization;
    @Option(names = "--approval", paramLabel = "approve|reject", description = "How the sandbox answers a run that waits for"
            + " approval (template parameter ApprovalRequiredFor); without it such a run is rejected.")
    String approval;
    @Option(names = "--serve", description = "After the runs, keep the emulator with the application deployed (stack"
            + " \"sandbox\") and print its endpoint, for bootstrapctl and the aws CLI; Ctrl-C stops it.")
    boolean serve;
    @Option(names = "--parallel-builds", paramLabel = "N", description = "Local CodeBuild builds at a time (default: one per core, at least 2).")
    String parallelBuilds;
    @Option(names = "--work-dir", paramLabel = "DIR", description = "Logs and build files (default target/sandbox).")
    Path workDir = SandboxOptions.DEFAULT_WORK_DIR;

    /** @param out where the sandbox prints its progress and report (picocli's writers take help and errors) */
    public SandboxCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        SandboxOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
        return SandboxCli.start(options, out, spec.commandLine().getErr());
    }

    /**
     * The values as {@link SandboxOptions}; a bad value or combination throws {@link IllegalArgumentException}.
     * A value repeated in --without-role, --failing-build or --noop-build counts once (they name a set); each
     * --start-input starts an execution, so a repeated one starts two (docs/sandbox.md, "Options").
     */
    SandboxOptions options() {
        Path cdkApp = PathArguments.oneConfig(file, config, "the cdk-app.yml to run");
        Map<String, String> parameterValues = new LinkedHashMap<>();
        parameters.forEach(p -> OptionValues.parameter(p, parameterValues));
        // Local builds are CPU-bound (node + moto's CloudFormation): one per core is fastest (docs/sandbox.md).
        int parallel = parallelBuilds == null ? Math.max(2, Runtime.getRuntime().availableProcessors())
                : OptionValues.positive(parallelBuilds, "--parallel-builds");
        return new SandboxOptions(cdkApp, Optional.ofNullable(policiesDir),
                report == null ? workDir.resolve("report.json") : report, dryRun,
                withoutRole.stream().map(a -> OptionValues.account(a, "--without-role")).distinct().toList(),
                failingBuilds.stream().map(t -> OptionValues.target(t, "--failing-build")).distinct().toList(),
                Optional.ofNullable(thenNewAccount).map(a -> OptionValues.account(a, "--then-new-account")), rerun,
                Optional.ofNullable(maxConcurrency).map(n -> OptionValues.positive(n, "--max-concurrency")), parallel,
                workDir, Optional.ofNullable(thenConfig),
                noopBuilds.stream().map(t -> OptionValues.target(t, "--noop-build")).distinct().toList(), doubleUpload,
                Optional.ofNullable(given), simulatedBuilds,
                startInputs.stream().map(s -> OptionValues.jsonObject(s, "--start-input")).toList(),
                Collections.unmodifiableMap(parameterValues),
                managementAccount == null ? SandboxOptions.DEFAULT_MANAGEMENT_ACCOUNT
                        : OptionValues.account(managementAccount, "--management-account"),
                outsideOrganization == null ? List.of() : OptionValues.accounts(outsideOrganization, "--outside-organization"),
                Optional.ofNullable(approval).map(OptionValues::approval),
                Optional.ofNullable(upgradeCdkFrom).map(v -> OptionValues.olderCdk(v, "--upgrade-cdk-from")),
                reconcile, serve);
    }
}
