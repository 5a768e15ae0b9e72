package dev.cdkbootstrap.cli.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.aws.ApprovalResponder;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.run.RunWatcher;
import dev.cdkbootstrap.workflow.model.ApprovalRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * The runs of a deployed stack: one execution of its state machine each, named by its run id, with its
 * folder {@code runs/<runId>/} in the config bucket (plan.json, results/, report.json, report.md).
 */
public final class StackRuns {
    /** Step Functions Standard executions last at most a year: {@code --wait} never gives up before. */
    private static final Duration LONGEST_RUN = Duration.ofDays(366);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final SfnClient sfn;
    private final S3Client s3;
    private final DeployedStack stack;

    public StackRuns(SfnClient sfn, S3Client s3, DeployedStack stack) {
        this.sfn = sfn;
        this.s3 = s3;
        this.stack = stack;
    }

    /** Starts a run with {@code input} (an execution input, docs/contracts.md); returns its execution ARN. */
    public String start(String input) {
        return sfn.startExecution(b -> b.stateMachineArn(stack.stateMachineArn()).name(UUID.randomUUID().toString())
                .input(input)).executionArn();
    }

    /** The execution ARN of run {@code runId} (whether or not it exists). */
    public String executionArn(String runId) {
        String machine = stack.stateMachineArn();
        return machine.replace(":stateMachine:", ":execution:") + ":" + runId;
    }

    /** The run started last, by start time (Step Functions lists the newest first). */
    public Optional<String> latest() {
        return sfn.listExecutions(b -> b.stateMachineArn(stack.stateMachineArn()).maxResults(1)).executions().stream()
                .findFirst().map(ExecutionListItem::executionArn);
    }

    /** The execution of run {@code runId}; empty when there is none. */
    public Optional<DescribeExecutionResponse> describe(String runId) {
        try {
            return Optional.of(sfn.describeExecution(b -> b.executionArn(executionArn(runId))));
        } catch (ExecutionDoesNotExistException e) {
            return Optional.empty();
        }
    }

    /**
     * The run an upload of the config started: an execution whose input names {@code versionId} (the S3
     * rule's input, {@code {"bucket","key","versionId","trigger":"s3"}}), looked for until {@code wait}
     * has passed (EventBridge delivers within seconds).
     */
    public Optional<String> startedBy(String versionId, Instant uploadedAt, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        Set<String> seen = new HashSet<>();
        while (true) {
            for (ExecutionListItem execution : sfn.listExecutions(b -> b.stateMachineArn(stack.stateMachineArn())
                    .maxResults(20)).executions()) {
                // a minute of clock difference between this machine and AWS is tolerated
                if (execution.startDate().isBefore(uploadedAt.minusSeconds(60)) || !seen.add(execution.executionArn())) {
                    continue;
                }
                JsonNode input = readJson(sfn.describeExecution(b -> b.executionArn(execution.executionArn())).input());
                if (input.path("key").asText().equals(stack.configKey())
                        && (versionId == null || versionId.equals(input.path("versionId").asText()))) {
                    return Optional.of(execution.executionArn());
                }
            }
            if (Instant.now().isAfter(deadline)) {
                return Optional.empty();
            }
            Thread.sleep(1000);
        }
    }

    /** A file of the run's folder ({@code report.json}, {@code report.md}, {@code plan.json}); empty when absent. */
    public Optional<byte[]> artifact(String runId, String name) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(stack.configBucket())
                    .key(DeployedStack.RUNS_ROOT + runId + "/" + name)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The run's waiting approval request, if it waits for one (docs/workflow.md, "Approval"). */
    public Optional<ApprovalRequest> pendingApproval(String runId) {
        return new ApprovalResponder(s3, sfn).pending(stack.configBucket(), DeployedStack.RUNS_ROOT, runId);
    }

    /** Progress and the end of runs, printed on {@code out} as the sandbox prints them. */
    public RunWatcher watcher(PrintStream out, Consumer<String> eachLook) {
        return new RunWatcher(sfn, s3, stack.configBucket(), DeployedStack.RUNS_ROOT, out, POLL, LONGEST_RUN, eachLook);
    }

    private static JsonNode readJson(String text) {
        try {
            return text == null ? Json.tolerant().createObjectNode() : Json.tolerant().readTree(text);
        } catch (IOException e) {
            return Json.tolerant().createObjectNode(); // not an input this stack's rule wrote
        }
    }
}
