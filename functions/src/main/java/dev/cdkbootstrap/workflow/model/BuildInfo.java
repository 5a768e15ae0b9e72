package dev.cdkbootstrap.workflow.model;

import java.time.Instant;

/**
 * The bootstrap build of a target, as CodeBuild reports it ({@code BuildRunner}) and as the workflow
 * carries it. {@code runningSince} is when it left CodeBuild's queue (the start of its first phase after
 * QUEUED; null while queued: the deadline only starts then); {@code failedPhase} (the first phase not
 * SUCCEEDED) and {@code endedAt} only once it has ended.
 */
public record BuildInfo(String id, BuildStatus status, String logsUrl, String failedPhase, Instant endedAt,
        Instant runningSince) {}
