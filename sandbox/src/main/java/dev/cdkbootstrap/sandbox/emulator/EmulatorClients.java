package dev.cdkbootstrap.sandbox.emulator;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * SDK clients of the sandbox itself (deploying, uploading, watching), all pointed at the front
 * endpoint. Credentials are moto's fixed test keys; every request names its account
 * ({@code x-moto-account-id}): the deployment (orchestrator) account, moto's default 123456789012
 * unless given. {@link #inAccount} gives clients whose requests moto files under another account.
 */
public final class EmulatorClients implements AutoCloseable {
    /** moto's default account (where moto files requests that name none). */
    public static final String MOTO_DEFAULT_ACCOUNT = "123456789012";
    public static final String ACCESS_KEY = "testing";
    public static final String SECRET_KEY = "testing";

    private final URI endpoint;
    private final Region region;
    private final String account;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();

    public EmulatorClients(URI endpoint, String region) {
        this(endpoint, region, MOTO_DEFAULT_ACCOUNT);
    }

    /** Clients acting in {@code account} (the deployment account, for the sandbox's own clients). */
    public EmulatorClients(URI endpoint, String region, String account) {
        this.endpoint = endpoint;
        this.region = Region.of(region);
        this.account = account;
    }

    public EmulatorClients inAccount(String otherAccount, String otherRegion) {
        return new EmulatorClients(endpoint, otherRegion, otherAccount);
    }

    /** The account these clients act in. */
    public String account() {
        return account;
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Client s3() {
        return configure(S3Client.builder().forcePathStyle(true)).build();
    }

    public SfnClient sfn() {
        return configure(SfnClient.builder()).build();
    }

    public IamClient iam() {
        return configure(IamClient.builder()).region(Region.AWS_GLOBAL).build();
    }

    public SsmClient ssm() {
        return configure(SsmClient.builder()).build();
    }

    public CloudFormationClient cloudFormation() {
        return configure(CloudFormationClient.builder()).build();
    }

    public software.amazon.awssdk.services.sts.StsClient sts() {
        return configure(software.amazon.awssdk.services.sts.StsClient.builder()).build();
    }

    public software.amazon.awssdk.services.codebuild.CodeBuildClient codeBuild() {
        return configure(software.amazon.awssdk.services.codebuild.CodeBuildClient.builder()).build();
    }

    public SnsClient sns() {
        return configure(SnsClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .overrideConfiguration(c -> c.putHeader("x-moto-account-id", account));
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder;
    }

    @Override
    public void close() {
        http.close();
    }
}
