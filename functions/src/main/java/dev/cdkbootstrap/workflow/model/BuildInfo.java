package dev.cdkbootstrap.workflow.model;

import java.time.Instant;

/** The bootstrap build of a target; {@code failedPhase} and {@code endedAt} only once it has ended. */
public record BuildInfo(String id, BuildStatus status, String logsUrl, String failedPhase, Instant endedAt) {

    public BuildInfo withEnd(BuildStatus endStatus, String phase, Instant at) {
        return new BuildInfo(id, endStatus, logsUrl, phase, at);
    }
}
