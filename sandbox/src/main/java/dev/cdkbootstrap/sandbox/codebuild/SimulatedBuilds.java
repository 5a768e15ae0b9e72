package dev.cdkbootstrap.sandbox.codebuild;

import dev.cdkbootstrap.sandbox.codebuild.BuildRequests.TemplateFacts;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.toolkit.BootstrapTemplate;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap;
import dev.cdkbootstrap.sandbox.toolkit.ToolkitStacks;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code --simulated-builds}: a build that runs neither bash nor node. It reads the build's environment as
 * the buildspec does ({@link BuildRequests}: TARGET_*, TRUST, UNTRUST, EXECUTION_POLICIES, QUALIFIER,
 * TOOLKIT_STACK_NAME, CDK_VERSION, TARGET_ROLE_EXTERNAL_ID and every setting beyond those), assumes the target role through the front endpoint (so a
 * missing role or a wrong ExternalId fails the build as it would), applies {@code --failing-build} /
 * {@code --noop-build}, then does what the pinned {@code cdk bootstrap} would do
 * ({@link SimulatedBootstrap}) with CloudFormation calls through the front endpoint, deploying
 * {@link BootstrapTemplate#minimal}. Its log says what the CLI would have said. The builds of an older CLI
 * ({@code --upgrade-cdk-from}, not installed here) deploy the whole pinned template at that CLI's version
 * instead, by the same rules.
 */
public final class SimulatedBuilds {
    /** How a simulated build ended, as CodeBuild records it. */
    public record Result(String status, String failedPhase) {
        static final Result SUCCEEDED = new Result("SUCCEEDED", null);

        static Result failed(String phase) {
            return new Result("FAILED", phase);
        }
    }

    private final EmulatorClients clients;
    private final ToolkitStacks stacks;
    private final Set<String> failing;
    private final Set<String> noop;
    private final PrintStream log;
    /** The template version an older CLI deploys; 0: the pinned CLI's. */
    private final int olderVersion;

    /** {@code clients}: the orchestrator account's clients on the front endpoint (the build role's stand-in). */
    public SimulatedBuilds(EmulatorClients clients, ToolkitStacks stacks, BuildSettings settings, PrintStream log) {
        this(clients, stacks, settings, log, 0);
    }

    /** The builds of an older CLI, whose bootstrap template has version {@code olderVersion}. */
    public SimulatedBuilds(EmulatorClients clients, ToolkitStacks stacks, BuildSettings settings, PrintStream log,
                           int olderVersion) {
        this.clients = clients;
        this.stacks = stacks;
        this.failing = Set.copyOf(settings.failing());
        this.noop = Set.copyOf(settings.noop());
        this.log = log;
        this.olderVersion = olderVersion;
    }

    void run(LocalBuild build) {
        Map<String, String> env = new LinkedHashMap<>(BuildspecScript.parse(build.project().buildspec()).variables());
        env.putAll(build.project().environment());
        env.putAll(build.overrides());
        build.running(null);
        long started = System.nanoTime();
        try (PrintStream out = new PrintStream(new FileOutputStream(build.log().toFile()), true, StandardCharsets.UTF_8)) {
            Result result = bootstrap(env, out);
            build.finish(result.status(), result.failedPhase());
        } catch (IOException | RuntimeException e) {
            log.println("sandbox codebuild: simulated build " + build.id() + " could not run: " + e);
            build.finish("FAULT", "PROVISIONING");
        }
        log.println("sandbox codebuild: " + build.id() + " " + build.status() + " (simulated in "
                + (System.nanoTime() - started) / 1_000_000 + " ms; log " + build.log() + ")");
    }

    /** One simulated build with environment {@code env}; what it prints goes to {@code out}. */
    public Result bootstrap(Map<String, String> env, PrintStream out) {
        out.println(olderVersion > 0 ? "[sandbox] simulated build of an older CDK CLI (--upgrade-cdk-from): aws-cdk@"
                + env.get("CDK_VERSION") + " is not installed; the pinned cdk bootstrap's rules are applied with its"
                + " template version " + olderVersion + " (docs/sandbox.md)"
                : "[sandbox] simulated build (--simulated-builds): no node and no CDK CLI; the pinned cdk bootstrap's "
                + "rules are applied to the emulator directly (docs/sandbox.md)");
        if (env.getOrDefault("CDK_VERSION", "").isEmpty()) {
            out.println("CDK_VERSION: CDK_VERSION is required");
            return Result.failed("INSTALL");
        }
        for (String name : List.of("TARGET_ACCOUNT", "TARGET_REGION", "TARGET_PARTITION", "TARGET_ROLE_NAME",
                "TARGET_ROLE_EXTERNAL_ID", "EXECUTION_POLICIES")) {
            if (env.getOrDefault(name, "").isEmpty()) {
                out.println(name + ": parameter null or not set");
                return Result.failed("BUILD");
            }
        }
        String account = env.get("TARGET_ACCOUNT");
        String region = env.get("TARGET_REGION");
        String roleArn = "arn:" + env.get("TARGET_PARTITION") + ":iam::" + account + ":role/" + env.get("TARGET_ROLE_NAME");
        try (StsClient sts = clients.sts()) {
            sts.assumeRole(b -> b.roleArn(roleArn).roleSessionName("cdk-bootstrap-" + account)
                    .externalId(env.get("TARGET_ROLE_EXTERNAL_ID")));
        } catch (SdkException e) {
            out.println("An error occurred when calling the AssumeRole operation: " + e.getMessage());
            return Result.failed("BUILD");
        }
        out.println("Assumed " + roleArn);
        String target = account + "/" + region;
        if (failing.contains(target)) {
            out.println("sandbox: --failing-build " + target + ": cdk bootstrap exits 1");
            return Result.failed("BUILD");
        }
        if (noop.contains(target)) {
            out.println("sandbox: --noop-build " + target + ": cdk bootstrap exits 0 and changes nothing");
            return Result.SUCCEEDED;
        }
        SimulatedBootstrap.Request request = BuildRequests.request(env);
        String stackName = env.getOrDefault("TOOLKIT_STACK_NAME", "").isEmpty() ? "CDKToolkit" : env.get("TOOLKIT_STACK_NAME");
        out.println("Running (simulated): " + BuildRequests.commandLine(target, request, stackName));
        try (EmulatorClients inTarget = clients.inAccount(account, region); CloudFormationClient cfn = inTarget.cloudFormation()) {
            TemplateFacts template = BuildRequests.template(clients, stacks.template(), env, out);
            if (olderVersion > 0 && env.getOrDefault("TEMPLATE_S3_URI", "").isEmpty()) {
                template = new TemplateFacts(template.variant(), olderVersion); // the older CLI's own template
            }
            if (request.options().exampleBoundary() && request.permissionsBoundary().isEmpty()
                    && !exampleBoundaryExists(inTarget, account, request.qualifier().orElse("hnb659fds"), out)) {
                return Result.failed("BUILD");
            }
            return new SimulatedDeployment(stacks, olderVersion).deploy(cfn, stackName, request, template, "aws://" + target, out);
        } catch (SdkException e) {
            out.println("❌ Environment aws://" + target + " failed bootstrapping: " + e.getMessage());
            return Result.failed("BUILD");
        }
    }

    /**
     * Bootstrapper.getExamplePermissionsBoundary of the pinned CLI: it means to create the example policy when
     * it is missing, but compares the SDK's error name with "NoSuchEntity" (the SDK says NoSuchEntityException),
     * so a missing policy fails the CLI (PrepareTarget creates it first; docs/workflow.md).
     */
    private static boolean exampleBoundaryExists(EmulatorClients inTarget, String account, String qualifier, PrintStream out) {
        String arn = "arn:aws:iam::" + account + ":policy/" + SimulatedBootstrap.exampleBoundary(qualifier);
        try {
            inTarget.iam().getPolicy(b -> b.policyArn(arn));
            return true;
        } catch (NoSuchEntityException missing) {
            out.println("❌  Environment failed bootstrapping: NoSuchEntityException: Policy " + arn + " not found");
            return false;
        }
    }
}
