package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.handler.PinnedCdkCli;
import dev.cdkbootstrap.sandbox.deploy.Deployment;
import dev.cdkbootstrap.sandbox.organizations.EmulatedOrganization;
import dev.cdkbootstrap.sandbox.toolkit.ToolkitState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a session does once the emulator runs, before its first run: deploys template.yaml with the sandbox's
 * parameters, emulates the organization, creates the target roles (and boundaries) in every account of the
 * config(s), and puts the {@code --given} toolkit stacks in place; each step printed.
 */
final class SandboxSetup {
    /** How many of an invalid config's errors are printed up front (the run's report has them all). */
    private static final int SHOWN_ERRORS = 3;

    private SandboxSetup() {}

    static Deployment deploy(Sandbox sandbox, SandboxOptions options, Path projectRoot, LocalConfig config,
                             Optional<LocalConfig> thenConfig, List<ToolkitState> given, PrintStream out) throws Exception {
        String account = sandbox.deploymentAccount();
        String caller = SandboxParameters.principalArn(sandbox.clients().sts().getCallerIdentity().arn(), out);
        Map<String, String> parameters = SandboxParameters.resolve(projectRoot, options, SandboxSession.TIMING_CAP_SECONDS, caller, out);
        Deployment deployment = sandbox.deploy(parameters, SandboxSession.TIMING_CAP_SECONDS,
                options.upgradeCdkFrom().orElse(PinnedCdkCli.packaged()), out);
        options.upgradeCdkFrom().ifPresent(older -> out.println("sandbox: --upgrade-cdk-from: the functions are"
                + " deployed as if package.json pinned " + older + "; builds that install it are simulated (it is not"
                + " installed here); after the first run they are redeployed with the pinned " + PinnedCdkCli.packaged()));
        out.println("sandbox: deployed template.yaml into account " + account + "/" + deployment.region()
                + (config.pipelineAccount().isPresent() ? " (the config's pipeline.account)"
                        : " (moto's default: the config is invalid and names no valid pipeline.account)")
                + " with parameters " + parameters + " (BuildPollSeconds, BuildDeadlineMinutes and"
                + " ToolkitBusyWaitMinutes scaled down from the template's defaults; OrganizationId: an"
                + " organization the sandbox emulates, unless given; ConfigPublisherArns: the sandbox's caller,"
                + " who uploads the config; a --parameter value always wins)");
        Optional<EmulatedOrganization> organization = SandboxOrganization.of(parameters.get("OrganizationId"),
                options, account, config, thenConfig);
        organization.ifPresent(org -> sandbox.emulateOrganization(org, out));
        SandboxOrganization.describe(organization, options, out);
        // Every account the configs name, trusted ones too: the StackSet puts the role in every member account,
        // and the guardrails read a trusted account's organization through it.
        Set<String> roleAccounts = new TreeSet<>(config.namedAccounts());
        thenConfig.ifPresent(c -> roleAccounts.addAll(c.namedAccounts()));
        roleAccounts.removeAll(options.withoutRole());
        Optional<String> boundary = sandbox.createTargetRoles(roleAccounts, config.appPrefix());
        out.println("sandbox: created the target-account/role.yaml role in " + roleAccounts.size() + " account(s)"
                + (thenConfig.isPresent() ? " (of both configs)" : "")
                + (options.withoutRole().isEmpty() ? "" : "; not in " + options.withoutRole()));
        boundary.ifPresent(name -> out.println(SandboxSession.boundaryNotice(name, roleAccounts.size())));
        ConfiguredBoundaries.create(sandbox, config, thenConfig, out);
        describeBuilds(options, out);
        for (ToolkitState state : given) {
            out.println("sandbox: --given " + sandbox.toolkitStacks().put(sandbox.clients(), state));
        }
        return deployment;
    }

    /**
     * Says before anything starts that {@code config} (named {@code what}: "the config FILE", "--then-config FILE2")
     * is invalid, with its first errors as {@code FILE:LINE:COL: error: PATH: MESSAGE} of the local file (the
     * planner names only the file's name, as the workflow names the S3 key); nothing when it is valid.
     */
    static void describeInvalid(String what, LocalConfig config, PrintStream out) {
        if (config.problem() == null) {
            return;
        }
        String name = config.file().getFileName() + ":";
        List<String> errors = config.problem().lines()
                .map(line -> line.startsWith(name) ? config.file() + ":" + line.substring(name.length()) : line).toList();
        out.println("sandbox: " + what + " is invalid (the workflow will say so too); uploading it anyway; "
                + (errors.size() == 1 ? "its error:" : errors.size() + " errors" + (errors.size() > SHOWN_ERRORS
                ? ", the first " + SHOWN_ERRORS + ":" : ":")));
        errors.stream().limit(SHOWN_ERRORS).forEach(error -> out.println("sandbox:   " + error));
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
}
