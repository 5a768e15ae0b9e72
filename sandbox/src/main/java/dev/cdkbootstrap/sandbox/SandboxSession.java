package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.sandbox.deploy.Deployment;
import dev.cdkbootstrap.sandbox.run.ReportTable;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.sandbox.run.SandboxRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final Sandbox sandbox;
    private final Deployment deployment;
    private final PrintStream out;

    private SandboxSession(SandboxOptions options, LocalConfig config, Sandbox sandbox, Deployment deployment, PrintStream out) {
        this.options = options;
        this.config = config;
        this.sandbox = sandbox;
        this.deployment = deployment;
        this.out = out;
    }

    public static SandboxSession open(SandboxOptions options, Path projectRoot, PrintStream out) throws Exception {
        Path policiesDir = options.policiesDir().orElse(options.config().toAbsolutePath().getParent());
        LocalConfig config = LocalConfig.read(options.config(), policiesDir);
        if (config.problem() != null) {
            out.println("sandbox: the config is invalid (the workflow will say so too); uploading it anyway");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("BuildPollSeconds", Integer.toString(TIMING_CAP_SECONDS));
        // Every wait's bound derives from the deadline (docs/workflow.md); local builds take seconds.
        parameters.put("BuildDeadlineMinutes", "5");
        // A busy toolkit is waited for 1 minute here, not the lease's 25: long enough for another local run.
        parameters.put("ToolkitBusyWaitMinutes", "1");
        options.maxConcurrency().ifPresent(n -> parameters.put("MapMaxConcurrency", Integer.toString(n)));
        out.println("sandbox: starting moto and the local endpoint (logs in " + options.workDir() + ")");
        Sandbox sandbox = Sandbox.start(projectRoot, options.workDir(), options.failingBuilds(), options.parallelBuilds());
        try {
            Deployment deployment = sandbox.deploy(parameters, TIMING_CAP_SECONDS, out);
            out.println("sandbox: deployed template.yaml into account 123456789012/" + deployment.region()
                    + " with parameters " + parameters + " (BuildPollSeconds, BuildDeadlineMinutes and"
                    + " ToolkitBusyWaitMinutes scaled down from the template's defaults)");
            List<String> roleAccounts = new ArrayList<>(config.accounts());
            roleAccounts.removeAll(options.withoutRole());
            sandbox.createTargetRoles(roleAccounts, config.appPrefix());
            out.println("sandbox: created the target-account/role.yaml role in " + roleAccounts.size() + " account(s)"
                    + (options.withoutRole().isEmpty() ? "" : "; not in " + options.withoutRole()));
            for (String build : options.failingBuilds()) {
                out.println("sandbox: --failing-build " + build + ": that build's cdk bootstrap exits 1");
            }
            warnAboutOptionsOutsideThePlan(options, config, out);
            return new SandboxSession(options, config, sandbox, deployment, out);
        } catch (Exception | Error e) {
            sandbox.close();
            throw e;
        }
    }

    /** A typo in an option's account would silently test nothing: say so. */
    private static void warnAboutOptionsOutsideThePlan(SandboxOptions options, LocalConfig config, PrintStream out) {
        if (config.plan().isEmpty()) {
            return; // an invalid config plans nothing; the run will say why
        }
        Set<String> accounts = config.accounts();
        Set<String> targets = new HashSet<>();
        config.plan().get().targets().forEach(t -> targets.add(t.account() + "/" + t.region()));
        for (String account : options.withoutRole()) {
            if (!accounts.contains(account)) {
                out.println("sandbox: warning: --without-role " + account + " is not an account of the config");
            }
        }
        for (String build : options.failingBuilds()) {
            if (!targets.contains(build)) {
                out.println("sandbox: warning: --failing-build " + build + " is not a target of the config");
            }
        }
        options.thenNewAccount().filter(account -> !accounts.contains(account)).ifPresent(account ->
                out.println("sandbox: warning: --then-new-account " + account
                        + " is not in the config: the NewAccount function will ignore it"));
    }

    /** The first run, then {@code --rerun} / {@code --then-new-account}; prints each run's table. */
    public List<RunOutcome> runAll() throws Exception {
        SandboxRunner runner = new SandboxRunner(sandbox, deployment, out);
        List<RunOutcome> outcomes = new ArrayList<>();
        outcomes.add(runner.uploadAndRun(options.config(), config.policyFiles(), options.dryRun()));
        ReportTable.print(outcomes.get(0), out);
        if (options.rerun()) {
            out.println();
            out.println("sandbox: --rerun: uploading the same file again");
            outcomes.add(runner.uploadAndRun(options.config(), config.policyFiles(), options.dryRun()));
            ReportTable.print(outcomes.get(outcomes.size() - 1), out);
        }
        if (options.thenNewAccount().isPresent()) {
            out.println();
            out.println("sandbox: --then-new-account " + options.thenNewAccount().get());
            for (RunOutcome outcome : runner.newAccount(options.thenNewAccount().get())) {
                outcomes.add(outcome);
                ReportTable.print(outcome, out);
            }
        }
        out.println("sandbox: builds started: " + sandbox.codeBuild().startedBuilds());
        return outcomes;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public Deployment deployment() {
        return deployment;
    }

    LocalConfig config() {
        return config;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
