package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.handler.PinnedCdkCli;
import dev.cdkbootstrap.sandbox.codebuild.BuildSettings;
import dev.cdkbootstrap.sandbox.deploy.Deployment;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.run.LiveConsole;
import dev.cdkbootstrap.sandbox.run.Progress;
import dev.cdkbootstrap.sandbox.run.ReportTable;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.sandbox.run.SandboxRunner;
import dev.cdkbootstrap.sandbox.run.ScheduledRuns;
import dev.cdkbootstrap.sandbox.run.SessionReports;
import dev.cdkbootstrap.sandbox.toolkit.GivenFile;
import dev.cdkbootstrap.sandbox.toolkit.ToolkitState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code bootstrapctl sandbox} invocation: a fresh emulator with the application deployed and
 * the target roles created, then the runs the options ask for. Stays open until closed, so tests
 * can look at the emulator's state after the runs.
 */
public final class SandboxSession implements AutoCloseable {
    /** Wait and retry intervals of the ASL are capped at this many seconds (printed, documented). */
    static final int TIMING_CAP_SECONDS = 2;

    private final SandboxOptions options;
    private final LocalConfig config;
    private final Optional<LocalConfig> thenConfig;
    private final Set<String> enrolled = new HashSet<>();
    private final Sandbox sandbox;
    private final Deployment deployment;
    private final PrintStream out;
    private final ScheduledRuns scheduled;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Instant started;

    private SandboxSession(SandboxOptions options, LocalConfig config, Optional<LocalConfig> thenConfig, Sandbox sandbox,
                           Deployment deployment, PrintStream out, Instant started) {
        this.started = started;
        this.options = options;
        this.config = config;
        this.thenConfig = thenConfig;
        this.sandbox = sandbox;
        this.deployment = deployment;
        this.out = out;
        this.scheduled = new ScheduledRuns(sandbox, deployment, out, options.approval());
    }

    /**
     * Starts the emulator, deploys the application and creates the target roles, printing each step on
     * {@code printTo} (through a {@link LiveConsole} when that is this JVM's standard output on a terminal, so
     * that a run's progress is one line rewritten in place).
     */
    public static SandboxSession open(SandboxOptions options, Path projectRoot, PrintStream printTo) throws Exception {
        Instant started = Instant.now();
        PrintStream out = printTo == System.out && Progress.isTerminal()
                ? new LiveConsole(System.out, Progress.terminalWidth()) : printTo;
        List<ToolkitState> given = options.given().map(GivenFile::read).orElse(List.of());
        LocalConfig config = LocalConfig.read(options.config(), options.policiesDirOf(options.config()));
        SandboxSetup.describeInvalid("the config " + options.config(), config, out);
        Optional<LocalConfig> thenConfig = Optional.empty();
        if (options.thenConfig().isPresent()) {
            Path file = options.thenConfig().get();
            thenConfig = Optional.of(LocalConfig.read(file, options.policiesDirOf(file)));
            SandboxSetup.describeInvalid("--then-config " + file, thenConfig.get(), out);
        }
        SandboxParameters.checkGiven(projectRoot, options.parameters());
        // The README has users deploy the application into the pipeline account; so does the sandbox.
        String account = config.pipelineAccount().orElse(EmulatorClients.MOTO_DEFAULT_ACCOUNT);
        out.println("sandbox: starting moto and the local endpoint");
        Sandbox sandbox = Sandbox.start(projectRoot, options.workDir(), new BuildSettings(options.failingBuilds(),
                options.noopBuilds(), options.parallelBuilds(), options.simulatedBuilds(), options.upgradeCdkFrom()), account);
        try {
            out.println("sandbox: the logs of this session are in " + sandbox.logDir() + " (docs/sandbox.md, \"Output and logs\")");
            Deployment deployment = SandboxSetup.deploy(sandbox, options, projectRoot, config, thenConfig, given, out);
            return new SandboxSession(options, config, thenConfig, sandbox, deployment, out, started);
        } catch (Exception | Error e) {
            sandbox.close();
            throw e;
        }
    }

    /** What the sandbox adds to target accounts when the deployment requires a permissions boundary. */
    static String boundaryNotice(String policy, int accounts) {
        return "sandbox: ToolkitPermissionsBoundary is " + policy + ": created the managed policy " + policy
                + " (allows *) beside the target role in " + accounts + " account(s), as the StackSet must; every build"
                + " passes it to cdk bootstrap as the boundary of every toolkit role";
    }

    /**
     * The runs the options ask for, in this order, each table printed: the first run (with
     * {@code --double-upload}: two uploads about a second apart, both followed), {@code --upgrade-cdk-from}
     * (the functions redeployed with the real pin, the config uploaded again), {@code --then-config},
     * {@code --rerun}, {@code --then-new-account}, each {@code --start-input}, then {@code --reconcile}.
     */
    public List<RunOutcome> runAll() throws Exception {
        SandboxRunner runner = new SandboxRunner(sandbox, deployment, out, options.approval());
        List<RunOutcome> outcomes = new ArrayList<>();
        if (options.doubleUpload()) {
            String first = runner.uploadAndStart(options.config(), config.policyFiles(), false);
            Thread.sleep(1000);
            out.println("sandbox: --double-upload: uploading the same file again while the first run is in flight");
            String second = runner.uploadAndStart(options.config(), config.policyFiles(), false);
            run(runner.await(first), outcomes);
            run(runner.await(second), outcomes);
        } else {
            run(runner.uploadAndRun(options.config(), config.policyFiles(), options.dryRun()), outcomes);
        }
        LocalConfig last = config;
        if (options.upgradeCdkFrom().isPresent()) {
            out.println();
            out.println("sandbox: --upgrade-cdk-from: package.json now pins " + PinnedCdkCli.packaged() + " instead of "
                    + options.upgradeCdkFrom().get() + ": redeploying the functions (sam build, sam deploy) and uploading "
                    + config.file() + " again");
            sandbox.redeployFunctions(PinnedCdkCli.packaged(), out);
            run(runner.uploadAndRun(config.file(), config.policyFiles(), options.dryRun()), outcomes);
        }
        if (thenConfig.isPresent()) {
            out.println();
            out.println("sandbox: --then-config: uploading " + thenConfig.get().file() + " to the same key");
            last = thenConfig.get();
            run(runner.uploadAndRun(last.file(), last.policyFiles(), options.dryRun()), outcomes);
        }
        if (options.rerun()) {
            out.println();
            out.println("sandbox: --rerun: uploading " + last.file() + " again");
            run(runner.uploadAndRun(last.file(), last.policyFiles(), options.dryRun()), outcomes);
        }
        if (options.thenNewAccount().isPresent()) {
            out.println();
            out.println("sandbox: --then-new-account " + options.thenNewAccount().get());
            for (RunOutcome outcome : newAccount(runner, options.thenNewAccount().get())) {
                run(outcome, outcomes);
            }
        }
        for (String input : options.startInputs()) {
            out.println();
            out.println("sandbox: --start-input: starting an execution by hand, as an operator would");
            run(runner.startByHand(input), outcomes);
        }
        if (options.reconcile()) {
            out.println();
            run(scheduled.fire().outcome(), outcomes);
        }
        out.println("sandbox: builds started: " + sandbox.codeBuild().startedBuilds());
        return outcomes;
    }

    /**
     * Writes the last run's report.json and report.md ({@code --report} and beside it; every run's in
     * {@code WORK_DIR/reports/} when there were several) and prints the session's final line, with the wall time
     * since {@link #open} ({@link SessionReports}).
     */
    public void writeReports(List<RunOutcome> outcomes) throws java.io.IOException {
        SessionReports.write(outcomes, options.workDir(), options.report(), Duration.between(started, Instant.now()), out);
    }

    private void run(RunOutcome outcome, List<RunOutcome> outcomes) {
        outcomes.add(outcome);
        ReportTable.print(outcome, out);
    }

    /**
     * The new-account events for {@code account}, as AWS sends them (SandboxRunner#newAccount). An account
     * left without a target role (--without-role) gets it when Control Tower enrols it, before the Control
     * Tower event: that is when the StackSet deploys it (docs/deploy.md).
     */
    List<RunOutcome> newAccount(SandboxRunner runner, String account) throws Exception {
        return runner.newAccount(account, () -> {
            if (options.withoutRole().contains(account) && enrolled.add(account)) {
                Optional<String> boundary = sandbox.createTargetRoles(List.of(account), config.appPrefix());
                out.println("sandbox: Control Tower enrolled " + account + ": the StackSet deployed the target role"
                        + " there (it was left out with --without-role until now)");
                boundary.ifPresent(name -> out.println(boundaryNotice(name, 1)));
            }
        });
    }

    /** The new-account events for {@code account} once more, e.g. a redelivery after its run succeeded. */
    public List<RunOutcome> newAccount(String account) throws Exception {
        SandboxRunner runner = new SandboxRunner(sandbox, deployment, out, options.approval());
        List<RunOutcome> outcomes = newAccount(runner, account);
        outcomes.forEach(outcome -> ReportTable.print(outcome, out));
        return outcomes;
    }

    /**
     * Starts an execution by hand with {@code input} (an execution input, as {@code --start-input} does),
     * follows it to its end and prints its table.
     */
    public RunOutcome startByHand(String input) throws InterruptedException {
        RunOutcome outcome = new SandboxRunner(sandbox, deployment, out, options.approval()).startByHand(input);
        ReportTable.print(outcome, out);
        return outcome;
    }

    /** Fires the reconcile schedule once (as {@code --reconcile} does), follows the run and prints its table. */
    public ScheduledRuns.Fired fireSchedule() throws InterruptedException {
        ScheduledRuns.Fired fired = scheduled.fire();
        ReportTable.print(fired.outcome(), out);
        return fired;
    }

    /** Every firing of the reconcile schedule in this session, with what each run published. */
    public List<ScheduledRuns.Fired> scheduledRuns() {
        return scheduled.fired();
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public Deployment deployment() {
        return deployment;
    }

    /** The console this session prints on (a {@link LiveConsole} on a terminal). */
    PrintStream out() {
        return out;
    }

    LocalConfig config() {
        return config;
    }

    SandboxOptions options() {
        return options;
    }

    /** Stops the emulator; idempotent (a served sandbox is closed by its shutdown hook, then by its opener). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            sandbox.close();
        }
    }
}
