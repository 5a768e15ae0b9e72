package dev.cdkbootstrap.workflow.inmemory;

import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bucket-and-key store with S3's read semantics: a size cap, and the latest version of each key;
 * conditional writes (If-None-Match, If-Match on the ETag) as S3 does them.
 * An object put with a version id is only found under that id (or none) and keeps the versions put
 * before it (readable by their ids, as in a versioned bucket); an unversioned one is returned for any
 * requested version, as a single latest version.
 */
public final class InMemoryObjectStore implements ObjectStore {
    // Safe for concurrent readers and writers, like S3 (Summarize reads results in parallel).
    private final ConcurrentSkipListMap<String, Stored> objects = new ConcurrentSkipListMap<>();
    /** Earlier versions of versioned objects, by {@code bucket/key#versionId}. */
    private final ConcurrentSkipListMap<String, Stored> earlier = new ConcurrentSkipListMap<>();
    public final List<String> reads = new CopyOnWriteArrayList<>();
    public int lists;
    /** Every key a listing returned, to show what a caller made the store enumerate. */
    public final List<String> listed = new CopyOnWriteArrayList<>();

    private record Stored(byte[] content, String versionId) {}

    public InMemoryObjectStore put(String bucket, String key, String text) {
        return put(bucket, key, text, null);
    }

    public InMemoryObjectStore put(String bucket, String key, String text, String versionId) {
        Stored before = objects.put(bucket + "/" + key, new Stored(text.getBytes(StandardCharsets.UTF_8), versionId));
        if (before != null && before.versionId() != null) {
            earlier.put(bucket + "/" + key + "#" + before.versionId(), before);
        }
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
        if (object != null && versionId != null && object.versionId() != null && !versionId.equals(object.versionId())) {
            object = earlier.get(bucket + "/" + key + "#" + versionId);
        }
        if (object == null) {
            return Optional.empty();
        }
        byte[] content = object.content();
        if (content.length > maxBytes) {
            throw new ObjectTooLarge(bucket, key, maxBytes);
        }
        String readVersion = object.versionId() != null ? object.versionId() : versionId;
        return Optional.of(new StoredObject(content.clone(), eTag(content), readVersion));
    }

    @Override
    public Optional<Head> head(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key)).map(o -> new Head(eTag(o.content()), o.versionId()));
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

    @Override
    public boolean create(String bucket, String key, byte[] content, String contentType) {
        return objects.putIfAbsent(bucket + "/" + key, new Stored(content.clone(), null)) == null;
    }

    @Override
    public boolean replace(String bucket, String key, byte[] content, String contentType, String eTag) {
        Stored current = objects.get(bucket + "/" + key);
        // compare-and-set on the very object read: a concurrent write in between makes it fail, as in S3
        return current != null && eTag(current.content()).equals(eTag)
                && objects.replace(bucket + "/" + key, current, new Stored(content.clone(), null));
    }

    @Override
    public void delete(String bucket, String key) {
        objects.remove(bucket + "/" + key);
    }

    /** Like S3's for a single-part upload: a digest of the content, so any change changes it. */
    private static String eTag(byte[] content) {
        return "\"" + java.util.HexFormat.of().formatHex(sha256(content)).substring(0, 32) + "\"";
    }

    private static byte[] sha256(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
