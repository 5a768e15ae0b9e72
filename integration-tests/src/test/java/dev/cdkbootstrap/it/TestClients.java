package dev.cdkbootstrap.it;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** SDK clients for arranging and checking emulator state, as the orchestrator's own account. */
public final class TestClients {
    private final Emulator emulator;

    public TestClients(Emulator emulator) {
        this.emulator = emulator;
    }

    public static AwsCredentialsProvider orchestratorCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder) {
        return build(builder, orchestratorCredentials());
    }

    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder,
            AwsCredentialsProvider credentials) {
        builder.endpointOverride(emulator.endpoint()).region(Region.of(emulator.region()))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create());
        return builder.build();
    }

    /** CodeBuild with moto's timestamps made readable for the SDK (see {@link EpochTimestamps}). */
    public software.amazon.awssdk.services.codebuild.CodeBuildClient codeBuild() {
        return build(software.amazon.awssdk.services.codebuild.CodeBuildClient.builder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(new EpochTimestamps())));
    }

    public S3Client s3() {
        return build(S3Client.builder().forcePathStyle(true));
    }
}
