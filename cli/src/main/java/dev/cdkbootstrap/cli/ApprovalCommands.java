package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.aws.ApprovalResponder;
import dev.cdkbootstrap.aws.AwsClients;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bootstrapctl approve|reject --stack NAME RUN_ID [--comment TEXT] [--endpoint-url URL]}: answers
 * a run that waits for approval (docs/workflow.md, "Approval") with the default AWS credential chain
 * and region ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL}). Who answers is the caller's ARN.
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
        Map<String, String> env = new HashMap<>(System.getenv());
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--stack" -> stack = value(args, ++i, arg);
                case "--comment" -> comment = value(args, ++i, arg);
                case "--endpoint-url" -> env.put("AWS_ENDPOINT_URL", endpoint(value(args, ++i, arg)));
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
        if (env.get("AWS_REGION") == null && env.get("AWS_DEFAULT_REGION") != null) {
            env.put("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
        }
        if (env.get("AWS_REGION") == null) {
            throw new UsageException("set AWS_REGION to the stack's region");
        }
        AwsClients clients = AwsClients.from(env, false);
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
        }
    }

    /** An absolute http(s) URL, else a usage error (the SDK would fail later without saying which option). */
    private static String endpoint(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // fall through to the usage error
        }
        throw new UsageException("--endpoint-url must be an http(s) URL such as http://127.0.0.1:4566, not '" + url + "'");
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }
}
