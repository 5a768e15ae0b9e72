package dev.cdkbootstrap.workflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a run's cdk-app.yml was read from; {@code versionId} is the version actually read, null
 * (and still written, as report.json's contract shows the key) when the bucket is not versioned.
 * {@code latestVersionId} is null when that version was the latest when the run started; else the
 * latest one's id: the run either ran the old version on purpose ({@code allowOldVersion}) or, started
 * automatically for an upload that a newer upload replaced, ran nothing ({@code superseded}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConfigLocation(String bucket, String key, String versionId, String latestVersionId, Boolean superseded) {

    /** A payload of an earlier release has no {@code superseded}: false. */
    public ConfigLocation {
        superseded = Boolean.TRUE.equals(superseded);
    }

    /** The latest version of the key (or an unversioned bucket). */
    public ConfigLocation(String bucket, String key, String versionId) {
        this(bucket, key, versionId, null, false);
    }

    /** {@code s3://bucket/key}, the file name used in error lines. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    /** True when the run's version was not the latest one when it started. */
    public boolean oldVersion() {
        return latestVersionId != null;
    }
}
