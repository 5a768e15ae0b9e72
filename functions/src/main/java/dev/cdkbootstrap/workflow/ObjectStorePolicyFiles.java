package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.PolicyFiles;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Policy files beside cdk-app.yml in S3: the config key's folder is listed once (so a missing file
 * costs no GET), and only the files the planner asks for are read.
 */
public final class ObjectStorePolicyFiles implements PolicyFiles {
    static final long MAX_POLICY_BYTES = 1024 * 1024;

    private final ObjectStore store;
    private final String bucket;
    private final String folder;
    private Set<String> keys;

    public ObjectStorePolicyFiles(ObjectStore store, String bucket, String configKey) {
        this.store = store;
        this.bucket = bucket;
        int slash = configKey.lastIndexOf('/');
        this.folder = slash < 0 ? "" : configKey.substring(0, slash + 1);
    }

    @Override
    public Optional<String> read(String relativePath) {
        String key = folder + relativePath;
        if (keys == null) {
            keys = new HashSet<>(store.list(bucket, folder));
        }
        if (!keys.contains(key)) {
            return Optional.empty();
        }
        return store.read(bucket, key, null, MAX_POLICY_BYTES)
                .map(object -> new String(object.content(), StandardCharsets.UTF_8));
    }
}
