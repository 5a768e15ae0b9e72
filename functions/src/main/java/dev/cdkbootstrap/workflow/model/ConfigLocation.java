package dev.cdkbootstrap.workflow.model;

/** Where a run's cdk-app.yml was read from; {@code versionId} is the version actually read, if versioned. */
public record ConfigLocation(String bucket, String key, String versionId) {

    /** {@code s3://bucket/key}, the file name used in error lines. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }
}
