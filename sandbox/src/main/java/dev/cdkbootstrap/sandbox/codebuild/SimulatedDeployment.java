package dev.cdkbootstrap.sandbox.codebuild;

import dev.cdkbootstrap.sandbox.codebuild.BuildRequests.TemplateFacts;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap;
import dev.cdkbootstrap.sandbox.toolkit.SimulatedBootstrap.Deployed;
import dev.cdkbootstrap.sandbox.toolkit.ToolkitStacks;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.AlreadyExistsException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * The deploying half of a simulated build ({@link SimulatedBuilds}): observe the toolkit stack, let
 * {@link SimulatedBootstrap} decide as the pinned CLI would, and create or update the stack through the
 * front endpoint, waiting up to {@link #BUSY_WAIT} for a stack operation in progress and deciding again
 * when another build created the stack meanwhile.
 */
final class SimulatedDeployment {
    /** How long a build waits for a stack with an operation in progress before it times out (the CLI waits forever). */
    static final Duration BUSY_WAIT = Duration.ofSeconds(10);

    private final ToolkitStacks stacks;
    /** The template version an older CLI deploys; 0: the pinned CLI's. */
    private final int olderVersion;

    SimulatedDeployment(ToolkitStacks stacks, int olderVersion) {
        this.stacks = stacks;
        this.olderVersion = olderVersion;
    }

    SimulatedBuilds.Result deploy(CloudFormationClient cfn, String stackName, SimulatedBootstrap.Request request,
                          TemplateFacts template, String environment, PrintStream out) {
        Instant deadline = Instant.now().plus(BUSY_WAIT);
        while (true) {
            Optional<Stack> stack = ToolkitStacks.describe(cfn, stackName);
            SimulatedBootstrap.Outcome outcome = SimulatedBootstrap.decide(stack.map(SimulatedDeployment::deployed), request,
                    template.version(), template.variant(), stacks.template().parameterDefaults());
            switch (outcome) {
                case SimulatedBootstrap.Busy busy -> {
                    if (Instant.now().isAfter(deadline)) {
                        out.println(busy.message() + "; the CLI would wait until the build times out (sandbox: after "
                                + BUSY_WAIT.toSeconds() + " s)");
                        return new SimulatedBuilds.Result("TIMED_OUT", "BUILD");
                    }
                    sleep();
                }
                case SimulatedBootstrap.Failure failure -> {
                    out.println("❌ " + failure.message());
                    return SimulatedBuilds.Result.failed("BUILD");
                }
                case SimulatedBootstrap.NoChange unchanged -> {
                    out.println(unchanged.message());
                    out.println("✅  Environment " + environment + " bootstrapped (no changes).");
                    return SimulatedBuilds.Result.SUCCEEDED;
                }
                case SimulatedBootstrap.Deploy deploy -> {
                    out.println(deploy.message());
                    if (apply(cfn, stackName, stack, deploy, template)) {
                        out.println("✅  Environment " + environment + " bootstrapped.");
                        return SimulatedBuilds.Result.SUCCEEDED;
                    }
                    // Another build made the stack since it was observed (two runs at once): the CLI would have
                    // waited for that creation and then decided again; so look again.
                    out.println("the stack was created meanwhile by another build; looking at it again");
                    if (Instant.now().isAfter(deadline)) {
                        return SimulatedBuilds.Result.failed("BUILD");
                    }
                }
            }
        }
    }

    /** Deploys as the CLI would; false when a create found the stack already made (then the caller decides again). */
    private boolean apply(CloudFormationClient cfn, String stackName, Optional<Stack> observed, SimulatedBootstrap.Deploy deploy,
                          TemplateFacts template) {
        // An older CLI (--upgrade-cdk-from) deploys its own full template; otherwise the pinned or custom facts.
        String body = olderVersion > 0 && template.version() == olderVersion
                ? stacks.template().full(olderVersion, template.variant())
                : stacks.template().minimal(template.version(), template.variant());
        deploy.deleteFirst().ifPresent(id -> cfn.deleteStack(b -> b.stackName(id)));
        Map<String, String> tags = deploy.tags().orElse(null);
        try {
            if (deploy.create()) {
                // A stack left in REVIEW_IN_PROGRESS is created anew (as the ReviewStackReuse quirk does for the real CLI).
                observed.filter(s -> "REVIEW_IN_PROGRESS".equals(s.stackStatusAsString()))
                        .ifPresent(s -> cfn.deleteStack(b -> b.stackName(s.stackId())));
                stacks.create(cfn, stackName, body, deploy.parameters(), tags, deploy.terminationProtection().orElse(false));
            } else {
                // FullCloudFormationDeployment.updateTerminationProtection comes first; the update may change nothing else.
                deploy.terminationProtection().ifPresent(on -> cfn.updateTerminationProtection(b -> b.stackName(stackName)
                        .enableTerminationProtection(on)));
                stacks.update(cfn, stackName, body, deploy.parameters(), tags);
            }
            return true;
        } catch (AlreadyExistsException madeMeanwhile) {
            return false;
        }
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
        Map<String, String> tags = new LinkedHashMap<>();
        stack.tags().forEach(t -> tags.put(t.key(), t.value()));
        return new Deployed(stack.stackId(), stack.stackStatusAsString(), parameters, outputs,
                Boolean.TRUE.equals(stack.enableTerminationProtection()), tags);
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
