package dev.cdkbootstrap.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.RunLayout;
import dev.cdkbootstrap.workflow.model.ApprovalRequest;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/**
 * Answers a run that waits for approval (docs/workflow.md, "Approval"): reads its
 * {@code approval/request.json} and calls Step Functions SendTaskSuccess (approved: the output
 * {@code {"approvedBy", "comment"}} becomes the report's answer) or SendTaskFailure (error
 * {@value #REJECTED}, cause naming who rejected). Used by {@code bootstrapctl approve|reject} and
 * the sandbox's {@code --approval}.
 */
public final class ApprovalResponder {
    public static final String REJECTED = "ApprovalRejected";
    private static final long MAX_REQUEST_BYTES = 64 * 1024;

    private final ObjectStore store;
    private final SfnClient sfn;

    public ApprovalResponder(S3Client s3, SfnClient sfn) {
        this.store = new S3ObjectStore(s3);
        this.sfn = sfn;
    }

    /**
     * The config bucket of a deployed stack (its {@code ConfigBucketName} output), for commands that are
     * given only the stack name.
     *
     * @throws IllegalStateException naming the stack when it does not exist or has no such output
     */
    public static String configBucketOf(AwsClients clients, String stackName) {
        return StackOutputs.require(StackOutputs.of(clients, stackName), stackName, "ConfigBucketName");
    }

    /** The run's waiting request, empty when it has none (no gate, not reached yet, or no change needed it). */
    public Optional<ApprovalRequest> pending(String bucket, String runsRoot, String runId) {
        String key = RunLayout.approvalRequest(RunLayout.runFolder(runsRoot, runId));
        return store.read(bucket, key, null, MAX_REQUEST_BYTES).map(object -> {
            try {
                return Json.strict().readValue(object.content(), ApprovalRequest.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key, e);
            }
        });
    }

    /**
     * @param by      who answers (an IAM ARN, or a name), recorded in the report
     * @param comment optional, recorded too
     * @throws IllegalStateException naming the run when it does not wait (no request, or the task was
     *                               answered, timed out or ended)
     */
    public ApprovalRequest answer(String bucket, String runsRoot, String runId, boolean approve, String by,
            String comment) {
        ApprovalRequest request = pending(bucket, runsRoot, runId).orElseThrow(() -> new IllegalStateException(
                "run " + runId + " has no approval request in s3://" + bucket + "/" + RunLayout.approvalRequest(
                        RunLayout.runFolder(runsRoot, runId)) + " (no gate, not reached yet, or nothing needed approval)"));
        try {
            if (approve) {
                ObjectNode output = Json.strict().createObjectNode().put("approvedBy", by);
                if (comment != null && !comment.isBlank()) {
                    output.put("comment", comment);
                }
                sfn.sendTaskSuccess(b -> b.taskToken(request.taskToken()).output(output.toString()));
            } else {
                String cause = "rejected by " + by + (comment == null || comment.isBlank() ? "" : ": " + comment);
                sfn.sendTaskFailure(b -> b.taskToken(request.taskToken()).error(REJECTED).cause(cause));
            }
        } catch (InvalidTokenException | TaskDoesNotExistException | TaskTimedOutException e) {
            throw new IllegalStateException("run " + runId + " no longer waits for approval (answered, timed out"
                    + " or ended): " + AwsErrors.message(e), e);
        }
        return request;
    }
}
