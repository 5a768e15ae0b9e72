package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.handler.PinnedCdkCli;
import dev.cdkbootstrap.sandbox.codebuild.BuildSettings;
import dev.cdkbootstrap.sandbox.deploy.Deployment;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.organizations.EmulatedOrganization;
import dev.cdkbootstrap.sandbox.run.ReportTable;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.sandbox.run.SandboxRunner;
import dev.cdkbootstrap.sandbox.toolkit.GivenFile;
import dev.cdkbootstrap.sandbox.toolkit.ToolkitState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

    private SandboxSession(SandboxOptions options, LocalConfig config, Optional<LocalConfig> thenConfig, Sandbox sandbox,
                           Deployment deployment, PrintStream out) {
        this.options = options;
        this.config = config;
        this.thenConfig = thenConfig;
        this.sandbox = sandbox;
        this.deployment = deployment;
        this.out = out;
    }

    public static SandboxSession open(SandboxOptions options, Path projectRoot, PrintStream out) throws Exception {
        List<ToolkitState> given = options.given().map(GivenFile::read).orElse(List.of());
        LocalConfig config = LocalConfig.read(options.config(), options.policiesDirOf(options.config()));
        if (config.problem() != null) {
            out.println("sandbox: the config is invalid (the workflow will say so too); uploading it anyway");
        }
        Optional<LocalConfig> thenConfig = Optional.empty();
        if (options.thenConfig().isPresent()) {
            Path file = options.thenConfig().get();
            thenConfig = Optional.of(LocalConfig.read(file, options.policiesDirOf(file)));
        }
        SandboxParameters.checkGiven(projectRoot, options.parameters());
        // The README has users deploy the application into the pipeline account; so does the sandbox.
        String account = config.pipelineAccount().orElse(EmulatorClients.MOTO_DEFAULT_ACCOUNT);
        out.println("sandbox: starting moto and the local endpoint (logs in " + options.workDir() + ")");
        Sandbox sandbox = Sandbox.start(projectRoot, options.workDir(), new BuildSettings(options.failingBuilds(),
                options.noopBuilds(), options.parallelBuilds(), options.simulatedBuilds(), options.upgradeCdkFrom()), account);
        try {
            String caller = SandboxParameters.principalArn(sandbox.clients().sts().getCallerIdentity().arn(), out);
            Map<String, String> parameters = SandboxParameters.resolve(projectRoot, options, TIMING_CAP_SECONDS, caller, out);
            Deployment deployment = sandbox.deploy(parameters, TIMING_CAP_SECONDS,
                    options.upgradeCdkFrom().orElse(PinnedCdkCli.packaged()), out);
            options.upgradeCdkFrom().ifPresent(older -> out.println("sandbox: --upgrade-cdk-from: the functions are"
                    + " deployed as if package.json pinned " + older + "; builds that install it are simulated (it is not"
                    + " installed here); after the first run they are redeployed with the pinned " + PinnedCdkCli.packaged()));
            out.println("sandbox: deployed template.yaml into account " + account + "/" + deployment.region()
                    + (config.pipelineAccount().isPresent() ? " (the config's pipeline.account)"
                            : " (moto's default: the config is invalid, so it names no pipeline account)")
                    + " with parameters " + parameters + " (BuildPollSeconds, BuildDeadlineMinutes and"
                    + " ToolkitBusyWaitMinutes scaled down from the template's defaults; OrganizationId: an"
                    + " organization the sandbox emulates, unless given; ConfigPublisherArns: the sandbox's caller,"
                    + " who uploads the config; a --parameter value always wins)");
            Optional<EmulatedOrganization> organization = SandboxOrganization.of(parameters.get("OrganizationId"),
                    options, account, config, thenConfig);
            organization.ifPresent(org -> sandbox.emulateOrganization(org, out));
            SandboxOrganization.describe(organization, options, config, out);
            Set<String> roleAccounts = new TreeSet<>(config.accounts());
            thenConfig.ifPresent(c -> roleAccounts.addAll(c.accounts()));
            roleAccounts.removeAll(options.withoutRole());
            Optional<String> boundary = sandbox.createTargetRoles(roleAccounts, config.appPrefix());
            out.println("sandbox: created the target-account/role.yaml role in " + roleAccounts.size() + " account(s)"
                    + (thenConfig.isPresent() ? " (of both configs)" : "")
                    + (options.withoutRole().isEmpty() ? "" : "; not in " + options.withoutRole()));
            boundary.ifPresent(name -> out.println(boundaryNotice(name, roleAccounts.size())));
            describeBuilds(options, out);
            for (ToolkitState state : given) {
                out.println("sandbox: --given " + sandbox.toolkitStacks().put(sandbox.clients(), state));
            }
            warnAboutOptionsOutsideThePlan(options, given, config, thenConfig, out);
            return new SandboxSession(options, config, thenConfig, sandbox, deployment, out);
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

    private static void describeBuilds(SandboxOptions options, PrintStream out) {
        if (options.simulatedBuilds()) {
            out.println("sandbox: --simulated-builds: builds run no node and no CDK CLI; each leaves the toolkit state "
                    + "the pinned cdk bootstrap would (docs/sandbox.md)");
        }
        for (String build : options.failingBuilds()) {
            out.println("sandbox: --failing-build " + build + ": that build's cdk bootstrap exits 1");
        }
        for (String build : options.noopBuilds()) {
            out.println("sandbox: --noop-build " + build + ": that build's cdk bootstrap exits 0 and changes nothing");
        }
    }

    /** A typo in an option's account or target would silently test nothing: say so. */
    private static void warnAboutOptionsOutsideThePlan(SandboxOptions options, List<ToolkitState> given, LocalConfig config,
                                                       Optional<LocalConfig> thenConfig, PrintStream out) {
        if (config.plan().isEmpty()) {
            return; // an invalid config plans nothing; the run will say why
        }
        Set<String> accounts = new HashSet<>(config.accounts());
        Set<String> targets = new HashSet<>(config.targets());
        thenConfig.ifPresent(c -> {
            accounts.addAll(c.accounts());
            targets.addAll(c.targets());
        });
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
        for (String build : options.noopBuilds()) {
            if (!targets.contains(build)) {
                out.println("sandbox: warning: --noop-build " + build + " is not a target of the config");
            }
        }
        for (ToolkitState state : given) {
            if (!targets.contains(state.target())) {
                out.println("sandbox: warning: --given " + state.source() + ": " + state.target()
                        + " is not a target of the config");
            }
        }
        options.thenNewAccount().filter(account -> !accounts.contains(account)).ifPresent(account ->
                out.println("sandbox: warning: --then-new-account " + account
                        + " is not in the config: the NewAccount function will ignore it"));
    }

    /**
     * The runs the options ask for, in this order, each table printed: the first run (with
     * {@code --double-upload}: two uploads about a second apart, both followed), {@code --upgrade-cdk-from}
     * (the functions redeployed with the real pin, the config uploaded again), {@code --then-config},
     * {@code --rerun}, {@code --then-new-account}, then each {@code --start-input}.
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
        out.println("sandbox: builds started: " + sandbox.codeBuild().startedBuilds());
        return outcomes;
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
