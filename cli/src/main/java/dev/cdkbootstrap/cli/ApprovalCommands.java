package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.aws.ApprovalResponder;
import dev.cdkbootstrap.aws.AwsClients;
import java.io.PrintStream;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code bootstrapctl approve|reject --stack NAME RUN_ID [--comment TEXT] [--endpoint-url URL]}: answers
 * a run that waits for approval (docs/workflow.md, "Approval") with the default AWS credential chain,
 * region and endpoint ({@link AwsEnvironment}). Who answers is the caller's ARN.
 */
final class ApprovalCommands {
    private ApprovalCommands() {}

    static int approve(List<String> args, PrintStream out, PrintStream err) {
        return answer(args, true, out, err);
    }

    static int reject(List<String> args, PrintStream out, PrintStream err) {
        return answer(args, false, out, err);
    }

    private static int answer(List<String> args, boolean approve, PrintStream out, PrintStream err) {
        String stack = null;
        String runId = null;
        String comment = null;
        String endpoint = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--stack" -> stack = value(args, ++i, arg);
                case "--comment" -> comment = value(args, ++i, arg);
                case "--endpoint-url" -> endpoint = AwsEnvironment.endpoint(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-") || runId != null) {
                        throw new UsageException("unexpected argument " + arg);
                    }
                    runId = arg;
                }
            }
        }
        if (stack == null || runId == null) {
            throw new UsageException("needs --stack NAME and a RUN_ID");
        }
        AwsClients clients = AwsEnvironment.clients(endpoint);
        try {
            String bucket = ApprovalResponder.configBucketOf(clients, stack);
            String by = clients.sts().getCallerIdentity().arn();
            var request = new ApprovalResponder(clients.s3(), clients.sfn()).answer(bucket, "runs/", runId, approve,
                    by, comment);
            out.println((approve ? "approved" : "rejected") + " run " + runId + " (" + request.needed()
                    + " target(s) needed approval, " + request.mode() + ") as " + by);
            return ExitCodes.OK;
        } catch (IllegalStateException e) {
            err.println("bootstrapctl " + (approve ? "approve" : "reject") + ": " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (SdkException e) {
            err.println("bootstrapctl " + (approve ? "approve" : "reject") + ": " + AwsEnvironment.message(e));
            return ExitCodes.INVALID;
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }
}
