package dev.cdkbootstrap.workflow.model;

import java.time.Instant;

/**
 * The bootstrap build of a target. {@code runningSince} is when it left CodeBuild's queue (null while
 * queued: the deadline only starts then); {@code failedPhase} and {@code endedAt} only once it has ended.
 */
public record BuildInfo(String id, BuildStatus status, String logsUrl, String failedPhase, Instant endedAt,
        Instant runningSince) {}
