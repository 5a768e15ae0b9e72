package dev.cdkbootstrap.contract.fakes;

import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A versioned S3 in memory: the latest version of each key, with its version id and ETag. */
public final class InMemoryObjectStore implements ObjectStore {
    private final Map<String, StoredObject> objects = new TreeMap<>();
    private int writes;

    @Override
    public Optional<StoredObject> read(String bucket, String key, String versionId, long maxBytes) {
        StoredObject object = objects.get(bucket + "/" + key);
        if (object == null || (versionId != null && !versionId.equals(object.versionId()))) {
            return Optional.empty();
        }
        if (object.content().length > maxBytes) {
            throw new ObjectTooLarge(bucket, key, maxBytes);
        }
        return Optional.of(object);
    }

    @Override
    public List<String> list(String bucket, String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(bucket + "/" + prefix))
                .map(k -> k.substring(bucket.length() + 1)).toList();
    }

    @Override
    public void write(String bucket, String key, byte[] content, String contentType) {
        put(bucket, key, content, "v" + (++writes));
    }

    public void put(String bucket, String key, byte[] content, String versionId) {
        objects.put(bucket + "/" + key, new StoredObject(content.clone(), "etag-" + versionId, versionId));
    }

    public Optional<String> text(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key))
                .map(o -> new String(o.content(), StandardCharsets.UTF_8));
    }
}
