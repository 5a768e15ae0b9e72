package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.model.ApprovalInput;
import dev.cdkbootstrap.workflow.model.ApprovalRequest;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.port.Notifier;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Approval gate, while the run waits (a {@code .waitForTaskToken} task): writes
 * {@code approval/request.json} (the task token that answers it) and tells the report topic what
 * needs approval and how to answer. Its return value is ignored; the state machine goes on when
 * someone calls SendTaskSuccess/SendTaskFailure, or fails it as rejected after the timeout.
 */
public final class RequestApprovalStep {
    private final ObjectStore store;
    private final Optional<Notifier> notifier;
    private final Settings settings;
    private final Clock clock;

    /** @param stackName the deployed stack, for the commands in the message; @param timeout ApprovalTimeoutHours */
    public record Settings(String stackName, Duration timeout) {}

    public RequestApprovalStep(ObjectStore store, Optional<Notifier> notifier, Settings settings, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.settings = settings;
        this.clock = clock;
    }

    public ApprovalRequest run(ApprovalInput input) {
        RunContext run = input.run();
        if (input.taskToken() == null || input.taskToken().isBlank() || run == null || run.approval() == null) {
            throw new IllegalArgumentException("RequestApproval input: needs the reviewed run and its taskToken");
        }
        Instant now = clock.instant();
        ApprovalRequest request = new ApprovalRequest(run.runId(), run.approval().mode(), run.approval().needed(),
                run.approval().changesKey(), input.taskToken(), now, now.plus(settings.timeout()));
        String requestKey = RunLayout.approvalRequest(run.runFolder());
        store.write(run.artifactBucket(), requestKey, Json.prettyBytes(request), "application/json");
        String changes = "s3://" + run.artifactBucket() + "/" + RunLayout.changesMarkdown(run.runFolder());
        String subject = "CDK bootstrap approval needed: " + run.runId();
        notifier.ifPresent(n -> n.publish(subject.length() <= 100 ? subject : subject.substring(0, 100), "Run " + run.runId() + " waits for approval: "
                + request.needed() + " target(s) would change in a way that needs approval ("
                + request.mode() + ").\nChanges: " + changes
                + "\nApprove: bin/bootstrapctl approve --stack " + settings.stackName() + " " + run.runId()
                + "\nReject:  bin/bootstrapctl reject --stack " + settings.stackName() + " " + run.runId()
                + "\n(or Step Functions SendTaskSuccess / SendTaskFailure with the task token in s3://"
                + run.artifactBucket() + "/" + requestKey + ")"
                + "\nNo answer by " + request.expiresAt() + " means rejected: nothing is bootstrapped."));
        return request;
    }

}
