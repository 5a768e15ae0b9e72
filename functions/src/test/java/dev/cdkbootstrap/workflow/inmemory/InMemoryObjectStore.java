package dev.cdkbootstrap.workflow.inmemory;

import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A bucket-and-key store with S3's read semantics (size cap, versions as a single latest version). */
public final class InMemoryObjectStore implements ObjectStore {
    private final TreeMap<String, byte[]> objects = new TreeMap<>();
    public final List<String> reads = new ArrayList<>();
    public int lists;

    public InMemoryObjectStore put(String bucket, String key, String text) {
        objects.put(bucket + "/" + key, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Optional<String> text(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key)).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    public List<String> keys() {
        return List.copyOf(objects.keySet());
    }

    @Override
    public Optional<StoredObject> read(String bucket, String key, String versionId, long maxBytes) {
        reads.add(key);
        byte[] content = objects.get(bucket + "/" + key);
        if (content == null) {
            return Optional.empty();
        }
        if (content.length > maxBytes) {
            throw new ObjectTooLarge(bucket, key, maxBytes);
        }
        return Optional.of(new StoredObject(content.clone(), "\"etag-" + content.length + "\"", versionId));
    }

    @Override
    public List<String> list(String bucket, String prefix) {
        lists++;
        return objects.keySet().stream().filter(k -> k.startsWith(bucket + "/" + prefix))
                .map(k -> k.substring(bucket.length() + 1)).toList();
    }

    @Override
    public void write(String bucket, String key, byte[] content, String contentType) {
        objects.put(bucket + "/" + key, content.clone());
    }
}
