package dev.cdkbootstrap.sandbox.codebuild;

import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.toolkit.BootstrapTemplate;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap.Deployed;
import dev.cdkbootstrap.sandbox.toolkit.ToolkitStacks;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.AlreadyExistsException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code --simulated-builds}: a build that runs neither bash nor node. It reads the build's environment as
 * the buildspec does (TARGET_*, TRUST, UNTRUST, EXECUTION_POLICIES, QUALIFIER, TOOLKIT_STACK_NAME,
 * CDK_VERSION, PERMISSIONS_BOUNDARY, TARGET_ROLE_EXTERNAL_ID), assumes the target role through the front endpoint (so a
 * missing role or a wrong ExternalId fails the build as it would), applies {@code --failing-build} /
 * {@code --noop-build}, then does what the pinned {@code cdk bootstrap} would do
 * ({@link SimulatedBootstrap}) with CloudFormation calls through the front endpoint, deploying
 * {@link BootstrapTemplate#minimal}. Its log says what the CLI would have said. The builds of an older CLI
 * ({@code --upgrade-cdk-from}, not installed here) deploy the whole pinned template at that CLI's version
 * instead, by the same rules.
 */
public final class SimulatedBuilds {
    /** How long a build waits for a stack with an operation in progress before it times out (the CLI waits forever). */
    static final Duration BUSY_WAIT = Duration.ofSeconds(10);

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
        String qualifier = env.getOrDefault("QUALIFIER", "");
        SimulatedBootstrap.Request request = new SimulatedBootstrap.Request(
                list(env.get("TRUST")).isEmpty() ? Optional.empty() : Optional.of(list(env.get("TRUST"))),
                list(env.get("UNTRUST")), Optional.of(list(env.get("EXECUTION_POLICIES"))),
                qualifier.isEmpty() || qualifier.equals("hnb659fds") ? Optional.empty() : Optional.of(qualifier),
                Optional.ofNullable(env.get("PERMISSIONS_BOUNDARY")).filter(name -> !name.isEmpty()));
        String stackName = env.getOrDefault("TOOLKIT_STACK_NAME", "").isEmpty() ? "CDKToolkit" : env.get("TOOLKIT_STACK_NAME");
        out.println("Running (simulated): " + commandLine(target, request, stackName));
        try (EmulatorClients inTarget = clients.inAccount(account, region); CloudFormationClient cfn = inTarget.cloudFormation()) {
            return deploy(cfn, stackName, request, "aws://" + target, out);
        } catch (SdkException e) {
            out.println("❌ Environment aws://" + target + " failed bootstrapping: " + e.getMessage());
            return Result.failed("BUILD");
        }
    }

    private Result deploy(CloudFormationClient cfn, String stackName, SimulatedBootstrap.Request request, String environment,
                          PrintStream out) {
        BootstrapTemplate template = stacks.template();
        Instant deadline = Instant.now().plus(BUSY_WAIT);
        while (true) {
            Optional<Stack> stack = ToolkitStacks.describe(cfn, stackName);
            SimulatedBootstrap.Outcome outcome = SimulatedBootstrap.decide(stack.map(SimulatedBuilds::deployed), request,
                    olderVersion > 0 ? olderVersion : template.version(), template.defaultVariant(), template.parameterDefaults());
            switch (outcome) {
                case SimulatedBootstrap.Busy busy -> {
                    if (Instant.now().isAfter(deadline)) {
                        out.println(busy.message() + "; the CLI would wait until the build times out (sandbox: after "
                                + BUSY_WAIT.toSeconds() + " s)");
                        return new Result("TIMED_OUT", "BUILD");
                    }
                    sleep();
                }
                case SimulatedBootstrap.Failure failure -> {
                    out.println("❌ " + failure.message());
                    return Result.failed("BUILD");
                }
                case SimulatedBootstrap.NoChange unchanged -> {
                    out.println(unchanged.message());
                    out.println("✅  Environment " + environment + " bootstrapped (no changes).");
                    return Result.SUCCEEDED;
                }
                case SimulatedBootstrap.Deploy deploy -> {
                    out.println(deploy.message());
                    if (apply(cfn, stackName, stack, deploy)) {
                        out.println("✅  Environment " + environment + " bootstrapped.");
                        return Result.SUCCEEDED;
                    }
                    // Another build made the stack since it was observed (two runs at once): the CLI would have
                    // waited for that creation and then decided again; so look again.
                    out.println("the stack was created meanwhile by another build; looking at it again");
                    if (Instant.now().isAfter(deadline)) {
                        return Result.failed("BUILD");
                    }
                }
            }
        }
    }

    /** Deploys as the CLI would; false when a create found the stack already made (then the caller decides again). */
    private boolean apply(CloudFormationClient cfn, String stackName, Optional<Stack> observed, SimulatedBootstrap.Deploy deploy) {
        BootstrapTemplate template = stacks.template();
        String body = olderVersion > 0 ? template.full(olderVersion, template.defaultVariant())
                : template.minimal(template.version(), template.defaultVariant());
        deploy.deleteFirst().ifPresent(id -> cfn.deleteStack(b -> b.stackName(id)));
        try {
            if (deploy.create()) {
                // A stack left in REVIEW_IN_PROGRESS is created anew (as the ReviewStackReuse quirk does for the real CLI).
                observed.filter(s -> "REVIEW_IN_PROGRESS".equals(s.stackStatusAsString()))
                        .ifPresent(s -> cfn.deleteStack(b -> b.stackName(s.stackId())));
                stacks.create(cfn, stackName, body, deploy.parameters());
            } else {
                stacks.update(cfn, stackName, body, deploy.parameters());
            }
            return true;
        } catch (AlreadyExistsException madeMeanwhile) {
            return false;
        }
    }

    /** The command the buildspec would run for this request (for the build log). */
    static String commandLine(String target, SimulatedBootstrap.Request request, String stackName) {
        StringBuilder command = new StringBuilder("cdk bootstrap aws://" + target);
        request.trust().ifPresent(trust -> command.append(" --trust ").append(String.join(",", trust)));
        request.untrust().forEach(account -> command.append(" --untrust ").append(account));
        request.executionPolicies().ifPresent(p -> command.append(" --cloudformation-execution-policies ").append(String.join(",", p)));
        request.qualifier().ifPresent(q -> command.append(" --qualifier ").append(q));
        request.permissionsBoundary().ifPresent(name -> command.append(" --custom-permissions-boundary ").append(name)
                .append(" --apply-permissions-boundary-to-all-roles"));
        if (!stackName.equals("CDKToolkit")) {
            command.append(" --toolkit-stack-name ").append(stackName);
        }
        return command.toString();
    }

    static Deployed deployed(Stack stack) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Parameter p : stack.parameters()) {
            parameters.put(p.parameterKey(), p.resolvedValue() != null ? p.resolvedValue() : p.parameterValue());
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Output o : stack.outputs()) {
            outputs.put(o.outputKey(), o.outputValue());
        }
        return new Deployed(stack.stackId(), stack.stackStatusAsString(), parameters, outputs);
    }

    private static List<String> list(String commaList) {
        return commaList == null || commaList.isBlank() ? List.of()
                : Arrays.stream(commaList.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stack to settle", e);
        }
    }
}
