package dev.cdkbootstrap.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.aws.AwsClients;
import dev.cdkbootstrap.aws.ScriptedHttpClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class SnapStartPrimingTest {
    /** Fails the test on any network call: it has no scripted answer. */
    private final ScriptedHttpClient network = new ScriptedHttpClient();
    private final AtomicInteger credentialLookups = new AtomicInteger();
    private final AwsCredentialsProvider credentials = () -> {
        credentialLookups.incrementAndGet();
        throw new AssertionError("priming must not resolve the function's credentials");
    };

    private SnapStartPriming priming(String region) {
        AwsClients clients = AwsClients.using(Region.of(region), null, credentials, network);
        return Wiring.from(Map.of("AWS_REGION", region), clients).priming();
    }

    @Test
    void theCheckpointHookExercisesEveryClientWithoutANetworkCallOrCredentials() {
        SnapStartPriming priming = priming("eu-west-1");

        priming.beforeCheckpoint(null);

        assertThat(network.sent()).isEmpty();
        assertThat(credentialLookups).hasValue(0);
        // 9 orchestrator operations (S3 x3, STS, CodeBuild x2, Step Functions, SNS, Organizations), IAM,
        // CloudFormation, SSM and EC2 DescribeRegions: each answered inside the process.
        assertThat(priming.prime()).isEqualTo(13);
        assertThat(network.sent()).isEmpty();
    }

    @Test
    void primingWorksInAnotherPartitionAndLeavesTheClientsUsable() {
        SnapStartPriming priming = priming("cn-north-1");

        assertThat(priming.prime()).isEqualTo(13);

        network.answer(200, "<AssumeRoleResponse/>");
        AwsClients clients = AwsClients.using(Region.EU_WEST_1, null, () -> AwsBasicCredentials.create("AKID", "secret"), network);
        Wiring.from(Map.of("AWS_REGION", "eu-west-1"), clients).priming().prime();
        // A real call afterwards goes to the network as usual (the script answers it).
        clients.sts().getCallerIdentity();
        assertThat(network.sent()).hasSize(1);
        assertThat(network.sent().getFirst().request().firstMatchingHeader("x-cdk-bootstrap-priming")).isEmpty();
    }

    @Test
    void everyPayloadTypeOfTheHandlersIsPrimed() {
        assertThat(SnapStartPriming.PAYLOADS).extracting(Class::getSimpleName).contains("LoadConfigInput",
                "RunContext", "TargetState", "TargetResult", "RunSummary", "NewAccountResult");
    }

    @Test
    void preloadingSkipsAbsentAndUnusableClassesAndCountsTheRest() {
        assertThat(SnapStartPriming.preloadClasses("dev/cdkbootstrap/handler/preload-test.txt")).isEqualTo(2);
        assertThat(SnapStartPriming.preloadClasses("no/such/list.txt")).isZero();
    }

    /** Its initialisation fails, as a class whose optional dependency is missing would. */
    static final class BrokenInit {
        static final int VALUE = Integer.parseInt("not a number");
    }
}
