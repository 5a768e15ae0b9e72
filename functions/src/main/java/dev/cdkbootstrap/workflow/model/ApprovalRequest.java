package dev.cdkbootstrap.workflow.model;

import java.time.Instant;

/**
 * {@code approval/request.json}, written by RequestApproval while the run waits: what answers it.
 * The task token is what Step Functions' SendTaskSuccess/SendTaskFailure take; it is not a
 * credential (answering still needs {@code states:SendTaskSuccess} on the state machine).
 */
public record ApprovalRequest(String runId, String mode, int needed, String changesKey, String taskToken,
        Instant requestedAt, Instant expiresAt) {}
