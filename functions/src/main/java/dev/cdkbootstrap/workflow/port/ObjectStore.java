package dev.cdkbootstrap.workflow.port;

import java.util.List;
import java.util.Optional;

/** Objects in S3: the config, policy files, and a run's plan, results and report. */
public interface ObjectStore {

    /**
     * Reads at most {@code maxBytes} of an object ({@code versionId} may be null for the latest).
     *
     * @return empty when the object (or version) does not exist
     * @throws ObjectTooLarge when it is larger than {@code maxBytes}
     */
    Optional<StoredObject> read(String bucket, String key, String versionId, long maxBytes);

    /**
     * The object's current version without its content (S3 HeadObject without a version id).
     *
     * @return empty when the key has no current version (never written, or deleted)
     */
    Optional<Head> head(String bucket, String key);

    /**
     * Keys directly in {@code folder} (empty for the bucket root, else ending in '/'), in key order;
     * keys in its subfolders are not listed (S3's delimiter '/'), however many there are.
     */
    List<String> list(String bucket, String folder);

    void write(String bucket, String key, byte[] content, String contentType);

    /**
     * Writes only when no object has that key (S3 {@code If-None-Match: *}).
     *
     * @return false when one exists (or a concurrent conditional write won)
     */
    boolean create(String bucket, String key, byte[] content, String contentType);

    /**
     * Writes only when the object's current ETag is {@code eTag} (S3 {@code If-Match}).
     *
     * @return false when it changed, or is gone, since that ETag was read
     */
    boolean replace(String bucket, String key, byte[] content, String contentType, String eTag);

    /** Deletes the object; deleting a missing key is not an error. */
    void delete(String bucket, String key);

    /** An object's content with the version that was read. */
    record StoredObject(byte[] content, String eTag, String versionId) {}

    /** An object's current version: its ETag, and its version id (null in a bucket that keeps no versions). */
    record Head(String eTag, String versionId) {}

    /** An object over the size cap; nothing beyond the cap was read. */
    final class ObjectTooLarge extends RuntimeException {
        public ObjectTooLarge(String bucket, String key, long maxBytes) {
            super("s3://" + bucket + "/" + key + " is larger than " + maxBytes + " bytes");
        }
    }
}
