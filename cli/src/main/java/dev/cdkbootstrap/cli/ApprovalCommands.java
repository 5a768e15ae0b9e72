package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.aws.ApprovalResponder;
import dev.cdkbootstrap.aws.AwsClients;
import dev.cdkbootstrap.commandline.ExitCodes;
import dev.cdkbootstrap.commandline.HelpOption;
import dev.cdkbootstrap.workflow.RunLayout;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bootstrapctl approve|reject --stack NAME RUN_ID [--comment TEXT] [--endpoint-url URL]}: answers
 * a run that waits for approval (docs/workflow.md, "Approval") with the default AWS credential chain,
 * region and endpoint ({@link AwsEnvironment}). Who answers is the caller's ARN.
 */
final class ApprovalCommands {
    private ApprovalCommands() {}

    @Command(name = "approve", sortOptions = false, description = "Let a run that waits for approval go on.")
    static final class Approve extends Answer {
        Approve(PrintStream out, PrintStream err) {
            super(out, err, true);
        }
    }

    @Command(name = "reject", sortOptions = false, description = "Reject a run that waits for approval: it bootstraps"
            + " nothing and fails.")
    static final class Reject extends Answer {
        Reject(PrintStream out, PrintStream err) {
            super(out, err, false);
        }
    }

    abstract static class Answer extends Streams {
        private final boolean approve;
        @Mixin HelpOption help;
        @Mixin StackOptions a;
        @Parameters(paramLabel = "RUN_ID", description = "The run that waits.")
        String runId;
        @Option(names = "--comment", paramLabel = "TEXT", description = "Kept with the answer.")
        String comment;

        Answer(PrintStream out, PrintStream err, boolean approve) {
            super(out, err);
            this.approve = approve;
        }

        @Override
        public Integer call() {
            StackOptions checked = a.checked();
            return StackFailures.guarded(approve ? "approve" : "reject", err, () -> {
                AwsClients clients = AwsEnvironment.clients(checked.endpoint());
                String bucket = ApprovalResponder.configBucketOf(clients, checked.stack());
                String by = clients.sts().getCallerIdentity().arn();
                var request = new ApprovalResponder(clients.s3(), clients.sfn()).answer(bucket, RunLayout.RUNS_ROOT, runId, approve,
                        by, comment);
                out.println((approve ? "approved" : "rejected") + " run " + runId + " (" + request.needed()
                        + " target(s) needed approval, " + request.mode() + ") as " + by);
                return ExitCodes.OK;
            });
        }
    }
}
