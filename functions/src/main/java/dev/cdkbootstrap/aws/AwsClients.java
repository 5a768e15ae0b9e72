package dev.cdkbootstrap.aws;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The orchestrator's own SDK clients, each built once per container on first use, all sharing one
 * light HTTP client, adaptive retries, the region of the environment and (when the environment has
 * {@code AWS_ENDPOINT_URL}, e.g. the emulator) that endpoint with path-style S3.
 * Nothing credential-like is resolved at construction (SnapStart).
 */
public final class AwsClients {
    private final Region region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();

    private final Supplier<S3Client> s3 = once(() -> configure(S3Client.builder()
            .forcePathStyle(endpointOverridden())).build());
    private final Supplier<StsClient> sts = once(() -> configure(StsClient.builder()).build());
    private final Supplier<CodeBuildClient> codeBuild = once(() -> configure(CodeBuildClient.builder()).build());
    private final Supplier<SfnClient> sfn = once(() -> configure(SfnClient.builder()).build());
    private final Supplier<SnsClient> sns = once(() -> configure(SnsClient.builder()).build());

    private AwsClients(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    /**
     * Credentials from {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} (and session token)
     * in the map when present, else the default provider chain (resolved lazily, on first call).
     */
    public static AwsClients from(Map<String, String> env, boolean credentialsFromMap) {
        String regionName = env.get("AWS_REGION");
        if (regionName == null || regionName.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set");
        }
        String endpoint = env.get("AWS_ENDPOINT_URL");
        return new AwsClients(Region.of(regionName),
                endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
                credentialsFromMap ? credentials(env) : DefaultCredentialsProvider.builder().build());
    }

    private static AwsCredentialsProvider credentials(Map<String, String> env) {
        String key = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (key == null || secret == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        String token = env.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(token == null
                ? AwsBasicCredentials.create(key, secret) : AwsSessionCredentials.create(key, secret, token));
    }

    public Region region() {
        return region;
    }

    public S3Client s3() {
        return s3.get();
    }

    public StsClient sts() {
        return sts.get();
    }

    public CodeBuildClient codeBuild() {
        return codeBuild.get();
    }

    public SfnClient sfn() {
        return sfn.get();
    }

    public SnsClient sns() {
        return sns.get();
    }

    /** Our settings on a builder, with our credentials. */
    <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        return configure(builder, region, credentials);
    }

    /** Our settings on a builder for another region and credentials (a target account). */
    <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region clientRegion, AwsCredentialsProvider provider) {
        builder.region(clientRegion).credentialsProvider(provider)
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.ADAPTIVE_V2));
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    boolean endpointOverridden() {
        return endpoint != null;
    }

    private static <T> Supplier<T> once(Supplier<T> factory) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }
}
