package dev.cdkbootstrap.workflow.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The approval gate of a run (template parameter ApprovalRequiredFor; docs/workflow.md, "Approval").
 * LoadConfig sets {@code mode} and status PREVIEW; ReviewChanges sets PENDING (someone must answer)
 * or NOT_NEEDED, how many targets need approval and where the changes are; the state machine adds
 * {@code answer} (the SendTaskSuccess output, any JSON) or {@code rejection} (SendTaskFailure's
 * error, or States.Timeout when no one answered in ApprovalTimeoutHours).
 *
 * @param mode       {@code trust-widening} or {@code any-change}
 * @param changesKey     S3 key of {@code approval/changes.json} (null before ReviewChanges)
 * @param timeoutSeconds how long AwaitApproval waits (ApprovalTimeoutHours; its TimeoutSecondsPath)
 */
public record Approval(String mode, Status status, int needed, String changesKey, long timeoutSeconds,
        JsonNode answer, StepError rejection) {

    public enum Status { PREVIEW, PENDING, NOT_NEEDED }

    public static Approval preview(String mode) {
        return new Approval(mode, Status.PREVIEW, 0, null, 0, null, null);
    }

    /** APPROVED, REJECTED, NOT_NEEDED or PENDING/PREVIEW (the run ended before an answer). */
    public String outcome() {
        if (rejection != null) {
            return "REJECTED";
        }
        return answer != null ? "APPROVED" : status.name();
    }
}
