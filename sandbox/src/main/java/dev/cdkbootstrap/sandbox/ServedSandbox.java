package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.sandbox.deploy.ApplicationStack;
import dev.cdkbootstrap.sandbox.deploy.Deployment;
import dev.cdkbootstrap.sandbox.deploy.SamApplication;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.sandbox.run.ServedRuns;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sandbox kept running after its runs ({@code bootstrapctl sandbox --serve}): moto, the front endpoint,
 * the in-process Lambdas and local CodeBuild stay up with the application deployed, so
 * {@code bootstrapctl upload|run|status|report|approve|reject --stack sandbox} and the aws CLI can be
 * tried against it. While it serves, the deployed application is also stack {@code sandbox} (its
 * Outputs, {@link ApplicationStack}) and an upload of the config key starts a run as in AWS
 * ({@code events/UploadEvents}). Any access key acts in the deployment account. Every run started from outside
 * is echoed on the sandbox's console: its start, its progress and its status line ({@link ServedRuns}). Tests start one with
 * {@link #start} and stop it with {@link #close}; the command line stops it on Ctrl-C.
 */
public final class ServedSandbox implements AutoCloseable {
    private final SandboxSession session;
    private final List<RunOutcome> outcomes;
    private final Map<String, String> outputs;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ServedRuns echoed;

    private ServedSandbox(SandboxSession session, List<RunOutcome> outcomes, Map<String, String> outputs) {
        this.session = session;
        this.outcomes = outcomes;
        this.outputs = outputs;
    }

    /**
     * Opens a sandbox with the {@code bootstrapctl sandbox} options {@code args} (with or without
     * {@code --serve}), does its runs (tables printed on {@code out}) and serves it.
     *
     * @throws IllegalArgumentException on a usage error in {@code args}
     */
    public static ServedSandbox start(List<String> args, Path projectRoot, PrintStream out) throws Exception {
        SandboxSession session = SandboxSession.open(SandboxOptions.parse(args), projectRoot, out);
        try {
            return serve(session, session.runAll(), out);
        } catch (Exception | Error e) {
            session.close();
            throw e;
        }
    }

    /** Serves an open session whose runs are done: publishes the stack, delivers uploads, prints how to use it. */
    static ServedSandbox serve(SandboxSession session, List<RunOutcome> outcomes, PrintStream out) {
        Sandbox sandbox = session.sandbox();
        Deployment deployment = session.deployment();
        Map<String, String> outputs = ApplicationStack.create(sandbox.application(), sandbox.clients());
        sandbox.uploadEvents().deliverFor(deployment, sandbox.deploymentAccount(), sandbox.clients().sfn(), out);
        ServedSandbox served = new ServedSandbox(session, List.copyOf(outcomes), outputs);
        served.describe(session.options().config(), out);
        served.echoed = ServedRuns.follow(sandbox, deployment, session.out());
        return served;
    }

    private void describe(Path config, PrintStream out) {
        Deployment deployment = session.deployment();
        out.println();
        out.println("sandbox: serving until Ctrl-C: the application stays deployed as stack " + stackName() + " in account "
                + account() + ", region " + region() + ", at " + endpoint() + " (any access key acts in that account)");
        out.println("sandbox: an upload of s3://" + deployment.configBucket() + "/" + deployment.configKey()
                + " starts a run, as in AWS (the sandbox delivers the event and prints it)");
        out.println("From another shell:");
        StringBuilder export = new StringBuilder("  export");
        environment().forEach((name, value) -> export.append(' ').append(name).append('=').append(value));
        out.println(export);
        out.println("  bin/bootstrapctl upload " + config + " --stack " + stackName() + " --wait");
        out.println("  bin/bootstrapctl run --stack " + stackName() + " --dry-run --wait");
        out.println("  bin/bootstrapctl status --stack " + stackName());
        out.println("  bin/bootstrapctl report --stack " + stackName() + " RUN_ID --format md");
        out.println("  aws cloudformation describe-stacks --stack-name " + stackName());
        out.println("  aws stepfunctions list-executions --state-machine-arn " + deployment.stateMachineArn());
        out.println("  aws s3 ls s3://" + deployment.configBucket() + "/" + deployment.runsRoot());
    }

    /** Blocks until the process is asked to stop (Ctrl-C, SIGTERM), then closes the sandbox (said on {@code out}). */
    void untilStopped(PrintStream out) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("sandbox: stopping: builds, the front endpoint and moto");
            close();
            session.sandbox().log().flush();
        }, "sandbox-serve-stop"));
        stopped.await();
    }

    /** The front endpoint: what {@code AWS_ENDPOINT_URL} must be. */
    public URI endpoint() {
        return session.sandbox().clients().endpoint();
    }

    public String region() {
        return session.deployment().region();
    }

    public String stackName() {
        return SamApplication.STACK_NAME;
    }

    /** The deployment account (the config's pipeline account). */
    public String account() {
        return session.sandbox().deploymentAccount();
    }

    /** The stack's Outputs (template.yaml's, resolved). */
    public Map<String, String> outputs() {
        return outputs;
    }

    /** The environment a client needs to reach this sandbox (the printed {@code export} line). */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ENDPOINT_URL", endpoint().toString());
        env.put("AWS_REGION", region());
        env.put("AWS_DEFAULT_REGION", region()); // the aws CLI v1 reads only this one
        env.put("AWS_ACCESS_KEY_ID", EmulatorClients.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", EmulatorClients.SECRET_KEY);
        return env;
    }

    /** The runs the options asked for, done before serving. */
    public List<RunOutcome> outcomes() {
        return outcomes;
    }

    public SandboxSession session() {
        return session;
    }

    /** Stops moto, the front endpoint and the builds; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (echoed != null) {
                echoed.close();
            }
            session.close();
            stopped.countDown();
        }
    }
}
