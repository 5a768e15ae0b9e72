package dev.cdkbootstrap.workflow.model;

import java.time.Instant;

/**
 * A target's result, written to {@code runs/<runId>/results/<account>-<region>.json}.
 * {@code observed} is the toolkit as last read in this run (after the build when one ran), null when
 * it could not be read at all.
 */
public record TargetResult(
        String account,
        String region,
        Outcome outcome,
        ReasonCode reasonCode,
        String reason,
        String buildId,
        String logsUrl,
        Instant startedAt,
        Instant endedAt,
        Long durationSeconds,
        ObservedToolkit observed) {

    /** A planned target that never recorded a result. */
    public static TargetResult missing(String account, String region) {
        return new TargetResult(account, region, Outcome.FAILED, ReasonCode.NO_RESULT, "no result recorded", null,
                null, null, null, null, null);
    }
}
