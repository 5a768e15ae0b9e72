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
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Follows one execution to its end, printing progress when it changes: targets done / planned
 * (results under {@code runs/<runId>/results/} against the run's targets.json) and the state the
 * execution is in. Then reads {@code runs/<runId>/report.json}.
 */
public final class RunWatcher {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final String LIMIT_TRIPPED = "failed by a limit";

    private final SfnClient sfn;
    private final S3Client s3;
    private final String bucket;
    private final String runPrefix;
    private final PrintStream out;
    private final Supplier<String> activity;
    private final HistoryCheck limits;

    /** {@code activity}: what is running right now (steps, builds), shown on the progress line. */
    public RunWatcher(SfnClient sfn, S3Client s3, String bucket, String runPrefix, PrintStream out,
                      Supplier<String> activity) {
        this(sfn, s3, bucket, runPrefix, out, activity, HistoryCheck.NONE);
    }

    /** {@code limits}: AWS limits checked on the history each poll; what trips is printed (docs/sandbox.md). */
    public RunWatcher(SfnClient sfn, S3Client s3, String bucket, String runPrefix, PrintStream out,
                      Supplier<String> activity, HistoryCheck limits) {
        this.sfn = sfn;
        this.s3 = s3;
        this.bucket = bucket;
        this.runPrefix = runPrefix;
        this.out = out;
        this.activity = activity;
        this.limits = limits;
    }

    public RunOutcome await(String executionArn) throws InterruptedException {
        String runId = executionArn.substring(executionArn.lastIndexOf(':') + 1);
        String prefix = runPrefix + runId + "/";
        Instant deadline = Instant.now().plus(TIMEOUT);
        String lastLine = "";
        int planned = -1;
        DescribeExecutionResponse execution;
        while (true) {
            execution = sfn.describeExecution(b -> b.executionArn(executionArn));
            limits.notices().forEach(out::println);
            if (execution.status() != ExecutionStatus.RUNNING || Instant.now().isAfter(deadline)) {
                break;
            }
            if (planned < 0) {
                planned = read(prefix + "targets.json").map(JsonNode::size).orElse(-1);
            }
            int done = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix + "results/")).keyCount();
            String line = "  run " + runId + ": " + (planned < 0 ? "planning" : "targets done " + done + "/" + planned)
                    + ", state " + currentState(executionArn);
            String now = activity.get();
            line += now.isEmpty() ? "" : " (" + now + ")";
            if (!line.equals(lastLine)) {
                out.println(line);
                lastLine = line;
            }
            Thread.sleep(1000);
        }
        if (currentState(executionArn).equals(LIMIT_TRIPPED)) { // a limit found after the end
            execution = sfn.describeExecution(b -> b.executionArn(executionArn));
        }
        limits.notices().forEach(out::println);
        List<String> warnings = new ArrayList<>();
        read(prefix + "plan.json").ifPresent(plan -> plan.path("warnings").forEach(w -> warnings.add(w.asText())));
        return new RunOutcome(executionArn, runId, execution.statusAsString(), read(prefix + "report.json"),
                execution.error(), execution.cause(), List.copyOf(warnings));
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

    private Optional<JsonNode> read(String key) {
        try {
            return Optional.of(Json.tolerant().readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray()));
        } catch (SdkException | java.io.IOException e) {
            return Optional.empty();
        }
    }
}
