package dev.cdkbootstrap.sandbox.limits;

import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.emulator.MotoServer;
import dev.cdkbootstrap.sandbox.front.FrontEndpoint;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.lambda.LocalLambdas;
import dev.cdkbootstrap.sandbox.quirks.StartExecutionRecreate;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.sandbox.run.RunWatcher;
import dev.cdkbootstrap.workflow.RunLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * LimitsIT's emulator: moto with state machine execution, the sandbox's limits at a lowered history
 * quota, the {@link LimitHandlers} as local Lambdas, all behind the front endpoint; an S3 bucket
 * {@code limits-it} and an SNS topic for the run watcher. Executions are followed with the sandbox's own
 * {@link RunWatcher}, which prints into a test's buffer.
 */
record LimitsEmulator(MotoServer moto, FrontEndpoint front, EmulatorClients clients, EmulatorClients usEast1,
        LocalLambdas lambdas, SandboxLimits limits, AtomicInteger machines) implements AutoCloseable {

    static LimitsEmulator start(String region, int historyQuota, LimitHandlers handlers) {
        int frontPort = MotoServer.freePort();
        MotoServer moto = MotoServer.startWithCallbackPort(frontPort, Path.of("target/sandbox-it/moto-limits.log"));
        moto.enableStateMachineExecution();
        MotoForwarder forwarder = new MotoForwarder(moto.endpoint());
        SandboxLimits limits = new SandboxLimits(forwarder, System.out, historyQuota);
        LocalLambdas lambdas = new LocalLambdas(EmulatorClients.MOTO_DEFAULT_ACCOUNT, System.out)
                .register("Sized", handlers.sized()).register("Loud", handlers.loud()).limits(limits.lambdaEndpoint());
        FrontEndpoint front;
        try {
            front = FrontEndpoint.start(frontPort, forwarder,
                    List.of(limits.failedExecutions(), lambdas, new StartExecutionRecreate(System.out)), limits.responseFixes(),
                    System.out);
        } catch (IOException e) {
            moto.close();
            throw new UncheckedIOException(e);
        }
        EmulatorClients clients = new EmulatorClients(front.endpoint(), region);
        clients.s3().createBucket(b -> b.bucket("limits-it").createBucketConfiguration(c -> c.locationConstraint(region)));
        clients.sns().createTopic(b -> b.name("limits"));
        return new LimitsEmulator(moto, front, clients, new EmulatorClients(front.endpoint(), "us-east-1"), lambdas, limits,
                new AtomicInteger());
    }

    /** Creates a state machine {@code name-N} from {@code definition}, runs it once with {@code input}, follows it. */
    RunOutcome run(EmulatorClients in, String name, String definition, String input, ByteArrayOutputStream printed) {
        String machine = create(in.sfn(), name + "-" + machines.incrementAndGet(), definition);
        String execution = in.sfn().startExecution(b -> b.stateMachineArn(machine).name(name + "-run").input(input)).executionArn();
        return await(in, execution, printed);
    }

    static String create(SfnClient sfn, String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition)
                .roleArn("arn:aws:iam::" + EmulatorClients.MOTO_DEFAULT_ACCOUNT + ":role/limits")).stateMachineArn();
    }

    /** Follows the execution with the sandbox's own run watcher, its history checks included. */
    RunOutcome await(EmulatorClients in, String executionArn, ByteArrayOutputStream printed) {
        try {
            PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
            RunOutcome outcome = new RunWatcher(in.sfn(), clients.s3(), "limits-it", RunLayout.RUNS_ROOT, out, () -> "", limits.history())
                    .await(executionArn);
            System.out.print(printed(printed));
            return outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String printed(ByteArrayOutputStream printed) {
        synchronized (printed) {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        front.close();
        moto.close();
    }
}
