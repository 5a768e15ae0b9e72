package dev.cdkbootstrap.cli.stack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Uploads a validated config to a deployed stack's bucket: first each file the plan names (relative to
 * the config key's folder, the text that was validated), then the config itself, whose upload starts a
 * run (the bucket's EventBridge rule) and so must come last: LoadConfig reads the files beside it.
 */
public final class ConfigPublisher {
    private final S3Client s3;
    private final DeployedStack stack;

    public ConfigPublisher(S3Client s3, DeployedStack stack) {
        this.s3 = s3;
        this.stack = stack;
    }

    /** What one upload wrote. */
    public record Upload(String key, String versionId, Instant at) {}

    /** A file the config names, at {@code relativePath} beside the config key. */
    public Upload putFile(String relativePath, String text) {
        return put(stack.configFolder() + relativePath, text.getBytes(StandardCharsets.UTF_8), contentType(relativePath));
    }

    /** The config itself, to the stack's ConfigKey; this starts a run. */
    public Upload putConfig(byte[] content) {
        return put(stack.configKey(), content, "application/yaml");
    }

    private Upload put(String key, byte[] content, String contentType) {
        Instant at = Instant.now();
        PutObjectResponse put = s3.putObject(b -> b.bucket(stack.configBucket()).key(key).contentType(contentType),
                RequestBody.fromBytes(content));
        return new Upload(key, put.versionId(), at);
    }

    private static String contentType(String path) {
        return path.endsWith(".json") ? "application/json" : path.endsWith(".yml") || path.endsWith(".yaml")
                ? "application/yaml" : "text/plain";
    }
}
