package dev.cdkbootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.cli.stack.DeployedConfig;
import dev.cdkbootstrap.commandline.CommandLines;
import dev.cdkbootstrap.commandline.ExitCodes;
import dev.cdkbootstrap.commandline.HelpOption;
import dev.cdkbootstrap.commandline.UsageException;
import dev.cdkbootstrap.config.ConfigValidationException;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.sandbox.run.ReportTable;
import dev.cdkbootstrap.sandbox.run.RunWatcher;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code bootstrapctl run | status | report --stack NAME ...} on a deployed stack (credentials, region and
 * endpoint: {@link AwsEnvironment}). Output as in the sandbox: progress lines, then the report table.
 * Exit codes as in the sandbox: 0 when no target failed (or the run is still running), 1 when one did,
 * the run failed, or AWS refused or was out of reach ({@link StackFailures}); 2 on a usage error or no AWS credentials, including {@code --accounts} naming an account
 * that is no target's account in the deployed config (checked before anything starts).
 */
final class RunCommands {
    private RunCommands() {}

    /** {@code run --stack NAME [--dry-run] [--accounts A,B] [--wait]}: starts a run by hand (trigger manual). */
    @Command(name = "run", sortOptions = false, description = "Start a run of the deployed config by hand; print its id,"
            + " or with --wait follow it to its report table.")
    static final class Run extends Streams {
        @Mixin HelpOption help;
        @Mixin StackOptions a;
        @Option(names = "--dry-run", description = "Plan and prepare every target, start no build.")
        boolean dryRun;
        @Option(names = "--accounts", paramLabel = "A,B", description = "Only these accounts' targets (each checked"
                + " against the deployed config first).")
        String accountList;
        @Option(names = "--wait", description = "Follow the run to its report table.")
        boolean waitForIt;

        Run(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            List<String> accounts = accountList == null ? List.of() : accounts(accountList);
            return StackFailures.guarded("run", err, () -> start(a.checked(), accounts));
        }

        private int start(StackOptions a, List<String> accounts) throws InterruptedException {
            StackContext stack = StackContext.open(a);
            ObjectNode input = Json.tolerant().createObjectNode().put("trigger", "manual");
            if (dryRun) {
                input.put("dryRun", true);
            }
            if (!accounts.isEmpty()) {
                DeployedConfig deployed;
                try {
                    deployed = DeployedConfig.read(stack.clients().s3(), stack.stack());
                } catch (ConfigValidationException e) {
                    e.errors().forEach(error -> err.println(error.format()));
                    err.println("bootstrapctl run: the deployed config is invalid, so a run would only report that;"
                            + " nothing started (fix it and upload it: bootstrapctl upload FILE --stack " + a.stack() + ")");
                    return ExitCodes.INVALID;
                }
                checkAccounts(accounts, deployed);
                input.putPOJO("accounts", accounts);
                if (deployed.versionId() != null) { // the run plans the version checked here, or is refused
                    input.put("versionId", deployed.versionId());
                }
            }
            String executionArn = stack.runs().start(input.toString());
            String runId = RunWatcher.runId(executionArn);
            out.println("started run " + runId + " of stack " + a.stack() + " with input " + input);
            if (!waitForIt) {
                out.println(stack.followHint(runId));
                return ExitCodes.OK;
            }
            return stack.follow(executionArn, out);
        }
    }

    /** {@code status --stack NAME [RUN_ID]}: the run's progress while it runs, its report table once it ended. */
    @Command(name = "status", sortOptions = false, description = "A run (default: the latest): its progress while it"
            + " runs, its report table once it ended.")
    static final class Status extends Streams {
        @Mixin HelpOption help;
        @Mixin StackOptions a;
        @Parameters(arity = "0..1", paramLabel = "RUN_ID", description = "The run (default: the latest).")
        String runIdGiven;

        Status(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            return StackFailures.guarded("status", err, () -> show(StackContext.open(a.checked())));
        }

        private int show(StackContext stack) throws InterruptedException {
            String runId = runIdGiven != null ? runIdGiven : stack.runs().latest().map(RunWatcher::runId).orElseThrow(() ->
                    new IllegalStateException("stack " + a.stack() + " has no run yet"));
            DescribeExecutionResponse execution = existing(stack, runId);
            if (execution.status() != ExecutionStatus.RUNNING) {
                return stack.follow(execution.executionArn(), out); // ended: prints its table at once
            }
            out.println("Run " + runId + ": execution RUNNING since " + execution.startDate());
            out.println(stack.runs().watcher(out, id -> { }).progress(execution.executionArn()));
            stack.approvalNotice(out).accept(runId);
            out.println(stack.followHint(runId));
            return ExitCodes.OK;
        }
    }

    /** {@code report --stack NAME RUN_ID [--format json|md]}: the run's report.json (default) or report.md. */
    @Command(name = "report", sortOptions = false, description = "Print the run's report.json (default) or report.md.")
    static final class Report extends Streams {
        @Mixin HelpOption help;
        @Mixin StackOptions a;
        @Parameters(paramLabel = "RUN_ID", description = "The run.")
        String runId;
        @Option(names = "--format", paramLabel = "json|md", description = "json (default) or md.")
        String format = "json";

        Report(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            if (!Set.of("json", "md").contains(format)) {
                throw new UsageException("--format must be json or md, got \"" + format + "\"");
            }
            return StackFailures.guarded("report", err, () -> print(StackContext.open(a.checked())));
        }

        private int print(StackContext stack) throws IOException {
            Optional<byte[]> json = stack.runs().artifact(runId, "report.json");
            if (json.isEmpty()) {
                DescribeExecutionResponse execution = existing(stack, runId);
                throw new IllegalStateException(execution.status() == ExecutionStatus.RUNNING
                        ? "run " + runId + " is still running: no report yet (bootstrapctl status --stack " + a.stack()
                                + " " + runId + ")"
                        : "run " + runId + " ended " + execution.statusAsString() + " before its report: "
                                + execution.error() + ": " + execution.cause());
            }
            byte[] body = format.equals("json") ? json.get() : stack.runs().artifact(runId, "report.md").orElseThrow(() ->
                    new IllegalStateException("run " + runId + " has a report.json but no report.md"));
            out.write(body, 0, body.length);
            if (body.length > 0 && body[body.length - 1] != '\n') {
                out.println();
            }
            out.flush();
            JsonNode report = Json.tolerant().readTree(json.get());
            return report.path("counts").path("failed").asInt() == 0 ? ExitCodes.OK : ExitCodes.INVALID;
        }
    }

    /** The comma-separated 12-digit accounts of --accounts, each once. */
    static List<String> accounts(String value) {
        List<String> accounts = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String account = part.trim();
            if (!account.matches("\\d{12}")) {
                throw new UsageException("--accounts wants 12-digit account ids separated by commas, got \"" + value + "\"");
            }
            if (!accounts.contains(account)) {
                accounts.add(account);
            }
        }
        return List.copyOf(accounts);
    }

    /** An account no target of the deployed config is in would plan nothing: refuse it before starting. */
    static void checkAccounts(List<String> accounts, DeployedConfig deployed) {
        Set<String> known = new TreeSet<>(deployed.planned().plan().targets().stream().map(Target::account).toList());
        List<String> unknown = accounts.stream().filter(account -> !known.contains(account)).toList();
        if (!unknown.isEmpty()) {
            String hint = unknown.size() == 1 ? CommandLines.didYouMean(unknown.get(0), known) : "";
            throw new UsageException("--accounts " + String.join(",", unknown) + (unknown.size() == 1 ? " is" : " are")
                    + " not the account of any target of the deployed config " + deployed.file() + hint + " (version "
                    + deployed.versionId() + "; its target accounts: " + String.join(",", known) + "); nothing started");
        }
    }

    private static DescribeExecutionResponse existing(StackContext stack, String runId) {
        return stack.runs().describe(runId).orElseThrow(() -> new IllegalStateException("stack " + stack.stack().name()
                + " has no run " + runId + " (no execution " + stack.runs().executionArn(runId) + ")"));
    }
}
