package dev.cdkbootstrap.workflow.inmemory;

import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bucket-and-key store with S3's read semantics: a size cap, and the latest version of each key.
 * An object put with a version id is only found under that id (or none); an unversioned one is
 * returned for any requested version, as a single latest version.
 */
public final class InMemoryObjectStore implements ObjectStore {
    // Safe for concurrent readers and writers, like S3 (Summarize reads results in parallel).
    private final ConcurrentSkipListMap<String, Stored> objects = new ConcurrentSkipListMap<>();
    public final List<String> reads = new CopyOnWriteArrayList<>();
    public int lists;
    /** Every key a listing returned, to show what a caller made the store enumerate. */
    public final List<String> listed = new CopyOnWriteArrayList<>();

    private record Stored(byte[] content, String versionId) {}

    public InMemoryObjectStore put(String bucket, String key, String text) {
        return put(bucket, key, text, null);
    }

    public InMemoryObjectStore put(String bucket, String key, String text, String versionId) {
        objects.put(bucket + "/" + key, new Stored(text.getBytes(StandardCharsets.UTF_8), versionId));
        return this;
    }

    public Optional<String> text(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key))
                .map(o -> new String(o.content(), StandardCharsets.UTF_8));
    }

    public List<String> keys() {
        return List.copyOf(objects.keySet());
    }

    @Override
    public Optional<StoredObject> read(String bucket, String key, String versionId, long maxBytes) {
        reads.add(key);
        Stored object = objects.get(bucket + "/" + key);
        if (object == null || (versionId != null && object.versionId() != null && !versionId.equals(object.versionId()))) {
            return Optional.empty();
        }
        byte[] content = object.content();
        if (content.length > maxBytes) {
            throw new ObjectTooLarge(bucket, key, maxBytes);
        }
        String readVersion = object.versionId() != null ? object.versionId() : versionId;
        return Optional.of(new StoredObject(content.clone(), "\"etag-" + content.length + "\"", readVersion));
    }

    @Override
    public List<String> list(String bucket, String folder) {
        lists++;
        String start = bucket + "/" + folder;
        List<String> keys = objects.keySet().stream()
                .filter(k -> k.startsWith(start) && k.indexOf('/', start.length()) < 0)
                .map(k -> k.substring(bucket.length() + 1)).toList();
        listed.addAll(keys);
        return keys;
    }

    @Override
    public void write(String bucket, String key, byte[] content, String contentType) {
        objects.put(bucket + "/" + key, new Stored(content.clone(), null));
    }
}
