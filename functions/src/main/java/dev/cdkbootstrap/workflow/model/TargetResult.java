package dev.cdkbootstrap.workflow.model;

import java.time.Instant;

/** A target's result, written to {@code runs/<runId>/results/<account>-<region>.json}. */
public record TargetResult(
        String account,
        String region,
        Outcome outcome,
        String reason,
        String buildId,
        String logsUrl,
        Instant startedAt,
        Instant endedAt,
        Long durationSeconds) {

    /** A planned target that never recorded a result. */
    public static TargetResult missing(String account, String region) {
        return new TargetResult(account, region, Outcome.FAILED, "no result recorded", null, null, null, null, null);
    }
}
