package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.workflow.port.OrganizationMembership;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The orchestrator's own SDK clients, all built in the constructor (Lambda init, so SnapStart
 * snapshots them ready), sharing one light HTTP client, adaptive retries, the region of the
 * environment and (when the environment has {@code AWS_ENDPOINT_URL}, e.g. the emulator) that
 * endpoint with path-style S3. Building a client resolves no credentials: the default provider
 * chain resolves on the first real call (SnapStart must not freeze credentials).
 */
public final class AwsClients {
    private final Region region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final PrimingHttpClient http;
    private final Ec2RegionOptIn ec2Regions;
    private final S3Client s3;
    private final StsClient sts;
    private final CodeBuildClient codeBuild;
    private final SfnClient sfn;
    private final SnsClient sns;
    private final OrganizationsClient organizations;

    private AwsClients(Region region, URI endpoint, AwsCredentialsProvider credentials, SdkHttpClient http) {
        this.region = region;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.http = new PrimingHttpClient(http);
        this.ec2Regions = new Ec2RegionOptIn(this.http, endpoint, AwsRetryStrategy.forRetryMode(RetryMode.ADAPTIVE_V2));
        this.s3 = configure(S3Client.builder().forcePathStyle(endpointOverridden())).build();
        this.sts = configure(StsClient.builder()).build();
        this.codeBuild = configure(CodeBuildClient.builder()).build();
        this.sfn = configure(SfnClient.builder()).build();
        this.sns = configure(SnsClient.builder()).build();
        this.organizations = configure(OrganizationsClient.builder()).build();
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
                credentialsFromMap ? credentials(env) : DefaultCredentialsProvider.builder().build(),
                UrlConnectionHttpClient.builder().build());
    }

    /**
     * These settings, every request sent through {@code http}: tests and benchmarks, and bootstrapctl's commands
     * on a deployed stack (an HTTP client whose failures name the endpoint).
     */
    public static AwsClients using(Region region, URI endpoint, AwsCredentialsProvider credentials, SdkHttpClient http) {
        return new AwsClients(region, endpoint, credentials, http);
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
        return s3;
    }

    public StsClient sts() {
        return sts;
    }

    public CodeBuildClient codeBuild() {
        return codeBuild;
    }

    public SfnClient sfn() {
        return sfn;
    }

    public SnsClient sns() {
        return sns;
    }

    public OrganizationsClient organizations() {
        return organizations;
    }

    /** The organization of the account these clients' credentials belong to (the orchestrator's). */
    public OrganizationMembership ownMembership() {
        return new AwsOrganizationMembership(() -> sts.getCallerIdentity().account(), organizations,
                java.util.function.Supplier::get);
    }

    /** EC2 DescribeRegions without the EC2 SDK module (see {@link Ec2RegionOptIn}). */
    Ec2RegionOptIn ec2Regions() {
        return ec2Regions;
    }

    /**
     * SnapStart priming (docs/workflow.md, "AWS clients"): one request through every client type the
     * functions use, with throw-away credentials, answered locally by the shared HTTP client. Nothing
     * is sent and no credentials are resolved.
     *
     * @return how many requests were answered locally
     */
    public int prime() {
        int before = http.answeredLocally();
        ClientPriming.prime(this);
        return http.answeredLocally() - before;
    }

    /** Our settings on a builder, with our credentials. */
    <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        return configure(builder, region, credentials);
    }

    /** Our settings on a builder for another region and credentials (a target account). */
    <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region clientRegion, AwsCredentialsProvider provider) {
        builder.region(clientRegion).credentialsProvider(provider)
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.ADAPTIVE_V2));
        if (builder instanceof SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /** An emulator's endpoint: S3 then needs path-style addressing (no bucket name in the host). */
    boolean endpointOverridden() {
        return endpoint != null;
    }
}
