package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.PolicyFileException;
import dev.cdkbootstrap.plan.PolicyFiles;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Policy files beside cdk-app.yml in S3. Each folder a requested path lives in is listed once,
 * without descending into its subfolders (so a missing file costs no GET, and the run artifacts
 * that may share the bucket are never listed), and only the files the planner asks for are read.
 */
public final class ObjectStorePolicyFiles implements PolicyFiles {
    static final long MAX_POLICY_BYTES = 1024 * 1024;

    private final ObjectStore store;
    private final String bucket;
    private final String folder;
    private final String runsRoot;
    private final Map<String, Set<String>> listings = new HashMap<>();

    public ObjectStorePolicyFiles(ObjectStore store, String bucket, String configKey) {
        this(store, bucket, configKey, null);
    }

    /** {@code runsRoot}: where this bucket holds run artifacts (never a policy), or null. */
    public ObjectStorePolicyFiles(ObjectStore store, String bucket, String configKey, String runsRoot) {
        this.store = store;
        this.bucket = bucket;
        this.folder = folderOf(configKey);
        this.runsRoot = runsRoot == null || runsRoot.isEmpty() || folder.startsWith(runsRoot) ? null : runsRoot;
    }

    @Override
    public Optional<String> read(String relativePath) {
        String key = folder + relativePath;
        if (runsRoot != null && key.startsWith(runsRoot)) {
            throw new PolicyFileException(relativePath, "is under " + runsRoot + ", where runs keep their artifacts");
        }
        if (!listings.computeIfAbsent(folderOf(key), f -> new HashSet<>(store.list(bucket, f))).contains(key)) {
            return Optional.empty();
        }
        try {
            return store.read(bucket, key, null, MAX_POLICY_BYTES).map(object -> utf8(relativePath, object.content()));
        } catch (ObjectStore.ObjectTooLarge e) {
            throw new PolicyFileException(relativePath, "is larger than " + MAX_POLICY_BYTES + " bytes");
        }
    }

    private static String folderOf(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash + 1);
    }

    private static String utf8(String path, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new PolicyFileException(path, "is not valid UTF-8");
        }
    }
}
