package dev.cdkbootstrap.workflow.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a run's cdk-app.yml was read from; {@code versionId} is the version actually read, null
 * (and still written, as report.json's contract shows the key) when the bucket is not versioned.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConfigLocation(String bucket, String key, String versionId) {

    /** {@code s3://bucket/key}, the file name used in error lines. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }
}
