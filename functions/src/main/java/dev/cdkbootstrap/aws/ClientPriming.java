package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.config.Regions;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * One request per operation the functions call, through the real clients, marked for
 * {@link PrimingHttpClient} (answered locally) and signed with throw-away credentials, so the
 * snapshot holds loaded and initialised request paths. Every request fails with the local HTTP 400;
 * that failure is the expected outcome and is swallowed here.
 */
final class ClientPriming {
    private static final StaticCredentialsProvider THROW_AWAY =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("PRIMING", "priming-not-a-secret"));
    private static final String ACCOUNT = "000000000000";

    private ClientPriming() {}

    static void prime(AwsClients clients) {
        String region = clients.region().id();
        String partition = Regions.partition(region);
        attempt(() -> clients.s3().getObject(r -> r.bucket("priming").key("priming").overrideConfiguration(ClientPriming::mark)));
        attempt(() -> clients.s3().putObject(r -> r.bucket("priming").key("priming").overrideConfiguration(ClientPriming::mark),
                RequestBody.fromString("{}")));
        attempt(() -> clients.s3().listObjectsV2(r -> r.bucket("priming").prefix("priming/").overrideConfiguration(ClientPriming::mark)));
        attempt(() -> clients.sts().assumeRole(r -> r.roleArn("arn:" + partition + ":iam::" + ACCOUNT + ":role/priming")
                .roleSessionName("priming").overrideConfiguration(ClientPriming::mark)));
        attempt(() -> clients.codeBuild().startBuild(r -> r.projectName("priming").overrideConfiguration(ClientPriming::mark)));
        attempt(() -> clients.codeBuild().batchGetBuilds(r -> r.ids("priming:0").overrideConfiguration(ClientPriming::mark)));
        attempt(() -> clients.sfn().startExecution(r -> r.stateMachineArn("arn:" + partition + ":states:" + region + ":"
                + ACCOUNT + ":stateMachine:priming").name("priming").input("{}").overrideConfiguration(ClientPriming::mark)));
        attempt(() -> clients.sns().publish(r -> r.topicArn("arn:" + partition + ":sns:" + region + ":" + ACCOUNT + ":priming")
                .subject("priming").message("priming").overrideConfiguration(ClientPriming::mark)));
        attempt(() -> clients.organizations().describeOrganization(r -> r.overrideConfiguration(ClientPriming::mark)));
        primeTargetClients(clients, partition, region);
    }

    /** The per-target clients PrepareTarget builds for each invocation (built, primed and closed here). */
    private static void primeTargetClients(AwsClients clients, String partition, String region) {
        Region own = Region.of(region);
        try (IamClient iam = clients.configure(IamClient.builder(), own, THROW_AWAY).build();
                CloudFormationClient cfn = clients.configure(CloudFormationClient.builder(), own, THROW_AWAY).build();
                SsmClient ssm = clients.configure(SsmClient.builder(), own, THROW_AWAY).build()) {
            attempt(() -> iam.getPolicy(r -> r.policyArn("arn:" + partition + ":iam::" + ACCOUNT + ":policy/priming")
                    .overrideConfiguration(ClientPriming::mark)));
            attempt(() -> cfn.describeStacks(r -> r.stackName("priming").overrideConfiguration(ClientPriming::mark)));
            attempt(() -> ssm.getParameter(r -> r.name("/priming").overrideConfiguration(ClientPriming::mark)));
        }
        attempt(() -> clients.ec2Regions().optInStatus(own, THROW_AWAY, Map.of(PrimingHttpClient.HEADER, "1")));
    }

    private static void mark(AwsRequestOverrideConfiguration.Builder request) {
        request.credentialsProvider(THROW_AWAY).putHeader(PrimingHttpClient.HEADER, "1");
    }

    private static void attempt(Runnable call) {
        try {
            call.run();
        } catch (SdkException expected) {
            // The local answer is an HTTP 400: the request path ran end to end.
        }
    }
}
