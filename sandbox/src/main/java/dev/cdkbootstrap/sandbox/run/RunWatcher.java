package dev.cdkbootstrap.sandbox.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.limits.HistoryCheck;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Follows one execution to its end, showing its progress ({@link Progress}: in place on a terminal, else a
 * line when it changes): targets done / planned (results under {@code runs/<runId>/results/} against the
 * run's targets.json), the state the execution is in and what runs right now. Then reads
 * {@code runs/<runId>/report.json} and {@code report.md}. Works against any endpoint: the
 * sandbox's (with its local activity, lost executions and limits) or a deployed stack's
 * ({@code bootstrapctl run --wait}, {@code status}).
 */
public final class RunWatcher {
    private static final Duration SANDBOX_TIMEOUT = Duration.ofMinutes(30);
    private static final String LIMIT_TRIPPED = "failed by a limit";

    private final SfnClient sfn;
    private final S3Client s3;
    private final String bucket;
    private final String runsRoot;
    private final PrintStream out;
    private final Supplier<String> activity;
    private final Predicate<String> lost;
    private final HistoryCheck limits;
    private final Consumer<String> eachLook;
    private final Duration poll;
    private final Duration timeout;

    /** A watcher of executions moto never loses sight of (tests that start executions themselves). */
    public RunWatcher(SfnClient sfn, S3Client s3, String bucket, String runsRoot, PrintStream out,
                      Supplier<String> activity, HistoryCheck limits) {
        this(sfn, s3, bucket, runsRoot, out, activity, executionArn -> false, limits, runId -> { });
    }

    /**
     * {@code activity}: what is running right now (steps, builds), shown on the progress line;
     * {@code lost}: whether moto no longer answers for an execution (StartExecutionRecreate), whose end
     * is then read from its report.json; {@code limits}: AWS limits checked on the history each poll,
     * what trips is printed (docs/sandbox.md); {@code eachLook}: called with the run id on every look
     * (the sandbox answers a waiting approval there).
     */
    public RunWatcher(SfnClient sfn, S3Client s3, String bucket, String runsRoot, PrintStream out,
                      Supplier<String> activity, Predicate<String> lost, HistoryCheck limits,
                      Consumer<String> eachLook) {
        this(sfn, s3, bucket, runsRoot, out, activity, lost, limits, eachLook, Duration.ofSeconds(1), SANDBOX_TIMEOUT);
    }

    /**
     * A watcher of a deployed stack's runs: nothing local to show, nothing lost, no limits of its own.
     * {@code poll}: how often it looks; {@code timeout}: when {@link #await} gives up and returns the
     * execution as it is then (RUNNING); {@code eachLook} as above (e.g. say that the run waits for approval).
     */
    public RunWatcher(SfnClient sfn, S3Client s3, String bucket, String runsRoot, PrintStream out, Duration poll,
                      Duration timeout, Consumer<String> eachLook) {
        this(sfn, s3, bucket, runsRoot, out, () -> "", executionArn -> false, HistoryCheck.NONE, eachLook, poll, timeout);
    }

    private RunWatcher(SfnClient sfn, S3Client s3, String bucket, String runsRoot, PrintStream out,
                       Supplier<String> activity, Predicate<String> lost, HistoryCheck limits,
                       Consumer<String> eachLook, Duration poll, Duration timeout) {
        this.poll = poll;
        this.timeout = timeout;
        this.sfn = sfn;
        this.s3 = s3;
        this.bucket = bucket;
        this.runsRoot = runsRoot;
        this.out = out;
        this.activity = activity;
        this.lost = lost;
        this.limits = limits;
        this.eachLook = eachLook;
    }

    /** The run id of an execution: its name, the last part of its ARN. */
    public static String runId(String executionArn) {
        return executionArn.substring(executionArn.lastIndexOf(':') + 1);
    }

    /**
     * The progress line of a running execution as {@link #await} prints it, e.g.
     * {@code "  run ID: targets done 3/4, state PrepareTarget"} ("planning" before targets.json exists).
     */
    public String progress(String executionArn) {
        String prefix = runsRoot + runId(executionArn) + "/";
        return line(executionArn, prefix, read(prefix + "targets.json").map(JsonNode::size).orElse(-1)).whole();
    }

    /** Follows the execution until it ends (or the timeout), then reads its report and plan warnings. */
    public RunOutcome await(String executionArn) throws InterruptedException {
        String runId = runId(executionArn);
        String prefix = runsRoot + runId + "/";
        Instant deadline = Instant.now().plus(timeout);
        Progress progress = Progress.on(out);
        int planned = -1;
        DescribeExecutionResponse execution;
        while (true) {
            if (lost.test(executionArn)) {
                return awaitLost(executionArn, runId, prefix, deadline);
            }
            execution = sfn.describeExecution(b -> b.executionArn(executionArn));
            List<String> notices = limits.notices();
            if (!notices.isEmpty()) {
                progress.clear();
                notices.forEach(out::println);
            }
            if (execution.status() != ExecutionStatus.RUNNING || Instant.now().isAfter(deadline)) {
                break;
            }
            progress.clear(); // eachLook may print (an approval notice)
            eachLook.accept(runId);
            if (planned < 0) {
                planned = read(prefix + "targets.json").map(JsonNode::size).orElse(-1);
            }
            ProgressLine line = line(executionArn, prefix, planned);
            progress.show(line.change(), line.whole());
            Thread.sleep(poll.toMillis());
        }
        progress.end();
        if (currentState(executionArn).equals(LIMIT_TRIPPED)) { // a limit found after the end
            execution = sfn.describeExecution(b -> b.executionArn(executionArn));
        }
        limits.notices().forEach(out::println);
        List<String> warnings = new ArrayList<>();
        read(prefix + "plan.json").ifPresent(plan -> plan.path("warnings").forEach(w -> warnings.add(w.asText())));
        Duration elapsed = execution.startDate() == null ? null
                : Duration.between(execution.startDate(), execution.stopDate() == null ? Instant.now() : execution.stopDate());
        return new RunOutcome(executionArn, runId, execution.statusAsString(), read(prefix + "report.json"),
                readText(prefix + "report.md"), execution.error(), execution.cause(), List.copyOf(warnings), elapsed);
    }

    /** The progress line in two parts: what counts as a change (targets done, state) and what runs right now. */
    private record ProgressLine(String change, String now) {
        String whole() {
            return change + now;
        }
    }

    private ProgressLine line(String executionArn, String prefix, int planned) {
        // every page: a run of more than 1000 targets has more results than one listing returns
        long done = planned < 0 ? 0 : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + "results/"))
                .stream().mapToLong(page -> page.keyCount() == null ? 0 : page.keyCount()).sum();
        String line = "  run " + runId(executionArn) + ": " + (planned < 0 ? "planning" : "targets done " + done + "/" + planned)
                + ", state " + currentState(executionArn);
        String now = activity.get();
        return new ProgressLine(line, now.isEmpty() ? "" : " (" + now + ")");
    }

    /**
     * An execution moto lost sight of: it ends when Summarize has written report.json (the execution then
     * succeeds, or fails with TargetsFailed when a target failed). Said so on the console.
     */
    private RunOutcome awaitLost(String executionArn, String runId, String prefix, Instant deadline)
            throws InterruptedException {
        out.println("  run " + runId + ": moto no longer answers for this execution (its state machine was re-created "
                + "for a newer one); its end is read from runs/" + runId + "/report.json");
        Optional<JsonNode> report = read(prefix + "report.json");
        while (report.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(poll.toMillis());
            report = read(prefix + "report.json");
        }
        Thread.sleep(500); // the execution ends right after Summarize; its last steps are a Fail state or none
        List<String> warnings = new ArrayList<>();
        read(prefix + "plan.json").ifPresent(plan -> plan.path("warnings").forEach(w -> warnings.add(w.asText())));
        if (report.isEmpty()) {
            return new RunOutcome(executionArn, runId, "UNKNOWN", report, "SandboxLostExecution",
                    "no report.json within " + timeout + " and moto no longer answers for the execution", List.copyOf(warnings));
        }
        boolean failed = report.get().path("counts").path("failed").asInt() > 0;
        return new RunOutcome(executionArn, runId, failed ? "FAILED" : "SUCCEEDED", report, readText(prefix + "report.md"),
                failed ? "TargetsFailed" : null, failed ? "derived from report.json (moto lost the execution)" : null,
                List.copyOf(warnings), null);
    }

    private String currentState(String executionArn) {
        String state = "starting";
        try {
            // moto ignores reverseOrder and maxResults: read forward, keep the last state entered.
            List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(executionArn).maxResults(1000)).events();
            if (limits.check(executionArn, events)) {
                return LIMIT_TRIPPED;
            }
            for (HistoryEvent event : events) {
                if (event.stateEnteredEventDetails() != null) {
                    state = event.stateEnteredEventDetails().name();
                }
            }
        } catch (SdkException e) {
            return "?";
        }
        return state;
    }

    private Optional<String> readText(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    private Optional<JsonNode> read(String key) {
        try {
            return Optional.of(Json.tolerant().readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray()));
        } catch (SdkException | java.io.IOException e) {
            return Optional.empty();
        }
    }
}
