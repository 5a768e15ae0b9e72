package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link ObjectStore} on S3; reads stop one byte past the cap, so a huge object is never downloaded. */
public final class S3ObjectStore implements ObjectStore {
    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public Optional<StoredObject> read(String bucket, String key, String versionId, long maxBytes) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(key).versionId(versionId))) {
            GetObjectResponse response = in.response();
            if (response.contentLength() != null && response.contentLength() > maxBytes) {
                in.abort();
                throw new ObjectTooLarge(bucket, key, maxBytes);
            }
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length > maxBytes) {
                in.abort();
                throw new ObjectTooLarge(bucket, key, maxBytes);
            }
            return Optional.of(new StoredObject(content, response.eTag(), response.versionId()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public Optional<Head> head(String bucket, String key) {
        try {
            HeadObjectResponse response = s3.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(new Head(response.eTag(), response.versionId()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) { // also a key whose current version is a delete marker
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<String> list(String bucket, String folder) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(folder).delimiter("/")).contents().stream()
                .map(S3Object::key).toList();
    }

    @Override
    public void write(String bucket, String key, byte[] content, String contentType) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public boolean create(String bucket, String key, byte[] content, String contentType) {
        return conditional(() -> s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).ifNoneMatch("*"),
                RequestBody.fromBytes(content)));
    }

    @Override
    public boolean replace(String bucket, String key, byte[] content, String contentType, String eTag) {
        return conditional(() -> s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).ifMatch(eTag),
                RequestBody.fromBytes(content)));
    }

    @Override
    public void delete(String bucket, String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    /**
     * S3 conditional writes: 412 Precondition Failed when the condition does not hold, 409
     * ConditionalRequestConflict when a concurrent conditional write won, 404 when If-Match finds no object.
     */
    private static boolean conditional(Runnable put) {
        try {
            put.run();
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409 || e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
