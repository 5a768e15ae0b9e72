package dev.cdkbootstrap.sandbox.run;

import dev.cdkbootstrap.aws.ApprovalResponder;
import dev.cdkbootstrap.sandbox.Sandbox;
import dev.cdkbootstrap.sandbox.deploy.Deployment;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * While a sandbox serves ({@code --serve}): every run started from outside ({@code bootstrapctl run | upload},
 * the aws CLI, an upload's event) is echoed on the sandbox's console: that it started, its progress as the
 * sandbox shows its own ({@link Progress}) and its status line ({@link ReportTable#statusLine}). Executions are
 * found by listing the state machine's every {@value #LOOK_SECONDS} second(s); a run waiting for approval is
 * said once, with the commands that answer it (the sandbox does not answer it).
 */
public final class ServedRuns implements AutoCloseable {
    static final int LOOK_SECONDS = 1;

    private final Sandbox sandbox;
    private final Deployment deployment;
    private final PrintStream out;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Set<String> told = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    private ServedRuns(Sandbox sandbox, Deployment deployment, PrintStream out) {
        this.sandbox = sandbox;
        this.deployment = deployment;
        this.out = out;
    }

    /** Starts looking for runs started from now on (the executions that exist now are not echoed). */
    public static ServedRuns follow(Sandbox sandbox, Deployment deployment, PrintStream out) {
        ServedRuns runs = new ServedRuns(sandbox, deployment, out);
        runs.seen.addAll(runs.list());
        Thread.ofVirtual().name("sandbox-served-runs").start(runs::look);
        return runs;
    }

    private void look() {
        while (!stopped) {
            try {
                for (String executionArn : list()) {
                    if (seen.add(executionArn)) {
                        Thread.ofVirtual().name("sandbox-served-run").start(() -> echo(executionArn));
                    }
                }
                Thread.sleep(Duration.ofSeconds(LOOK_SECONDS).toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (SdkException | IllegalStateException e) {
                if (!stopped) { // the emulator stops on close: then nothing is left to follow
                    sandbox.log().println("sandbox: served runs: " + e);
                }
            }
        }
    }

    private Set<String> list() {
        Set<String> arns = new HashSet<>();
        sandbox.clients().sfn().listExecutions(b -> b.stateMachineArn(deployment.stateMachineArn()).maxResults(100))
                .executions().stream().map(ExecutionListItem::executionArn).forEach(arns::add);
        return arns;
    }

    private void echo(String executionArn) {
        String runId = RunWatcher.runId(executionArn);
        try {
            String input = sandbox.clients().sfn().describeExecution(b -> b.executionArn(executionArn)).input();
            out.println("sandbox: run " + runId + " started from outside the sandbox, with input " + input);
            RunOutcome outcome = new RunWatcher(sandbox.clients().sfn(), sandbox.clients().s3(), deployment.configBucket(),
                    deployment.runsRoot(), out, () -> "", sandbox::executionLost, sandbox.limits().history(),
                    this::approvalNotice).await(executionArn);
            out.println("sandbox: " + ReportTable.statusLine(outcome) + " (bootstrapctl report --stack sandbox "
                    + runId + " --format md)");
        } catch (SdkException | IllegalStateException e) {
            if (!stopped) {
                out.println("sandbox: run " + runId + ": no longer followed: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void approvalNotice(String runId) {
        if (told.contains(runId)) {
            return;
        }
        new ApprovalResponder(sandbox.clients().s3(), sandbox.clients().sfn())
                .pending(deployment.configBucket(), deployment.runsRoot(), runId).ifPresent(request -> {
                    told.add(runId);
                    out.println("sandbox: run " + runId + " waits for approval (" + request.needed() + " target(s), "
                            + request.mode() + "): bootstrapctl approve|reject --stack sandbox " + runId);
                });
    }

    /** Stops looking; runs being followed stop being echoed when the emulator stops. */
    @Override
    public void close() {
        stopped = true;
    }
}
