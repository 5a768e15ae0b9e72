package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.aws.AwsClients;
import dev.cdkbootstrap.cli.stack.DeployedStack;
import dev.cdkbootstrap.cli.stack.StackRuns;
import dev.cdkbootstrap.commandline.ExitCodes;
import dev.cdkbootstrap.sandbox.run.ReportTable;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.sandbox.run.RunWatcher;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/** A deployed stack as the commands reach it: clients, the stack's outputs, its runs. */
record StackContext(AwsClients clients, DeployedStack stack, StackRuns runs) {

    /** @throws IllegalStateException naming the stack when its outputs cannot be read */
    static StackContext open(StackOptions a) {
        AwsClients clients = AwsEnvironment.clients(a.endpoint());
        DeployedStack stack = DeployedStack.resolve(clients, a.stack());
        return new StackContext(clients, stack, new StackRuns(clients.sfn(), clients.s3(), stack));
    }

    /**
     * Follows a run to its end (progress lines, then the report table, as the sandbox prints them); says
     * once when it waits for approval and how to answer. Exit 0 when no target failed, else 1.
     */
    int follow(String executionArn, PrintStream out) throws InterruptedException {
        RunWatcher watcher = runs.watcher(out, approvalNotice(out));
        RunOutcome outcome = watcher.await(executionArn);
        ReportTable.print(outcome, out);
        return outcome.succeeded() ? ExitCodes.OK : ExitCodes.INVALID;
    }

    /** Prints, once per run, that it waits for approval and the commands that answer it. */
    Consumer<String> approvalNotice(PrintStream out) {
        Set<String> told = new HashSet<>();
        return runId -> {
            if (!told.contains(runId)) {
                runs.pendingApproval(runId).ifPresent(request -> {
                    told.add(runId);
                    out.println("  run " + runId + " waits for approval (" + request.needed() + " target(s), "
                            + request.mode() + "; changes in " + stack.url(request.changesKey()) + "): bootstrapctl"
                            + " approve|reject --stack " + stack.name() + " " + runId);
                });
            }
        };
    }

    /** How to look at a run later. */
    String followHint(String runId) {
        return "follow it: bootstrapctl status --stack " + stack.name() + " " + runId + "; its report: bootstrapctl report"
                + " --stack " + stack.name() + " " + runId + " --format md";
    }
}
