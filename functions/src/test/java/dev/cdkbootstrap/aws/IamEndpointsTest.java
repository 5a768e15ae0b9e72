package dev.cdkbootstrap.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.config.Regions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.endpoints.IamEndpointParams;
import software.amazon.awssdk.services.iam.endpoints.IamEndpointProvider;

/**
 * The IAM client of a target is built for the target's region (AwsTargetAccount, ClientPriming): no
 * table of "IAM's region per partition" of ours, because the SDK's IAM endpoint rules already send
 * every region of a partition to that partition's one IAM endpoint, signed for one region. This holds
 * it for every region of this SDK, and for a made-up newer region of each partition.
 */
class IamEndpointsTest {

    @Test
    void everyRegionOfAPartitionReachesThatPartitionsOneIamEndpoint() {
        Map<String, TreeSet<String>> endpointsByPartition = new TreeMap<>();
        for (String region : Regions.known()) {
            endpointsByPartition.computeIfAbsent(Regions.partition(region), p -> new TreeSet<>()).add(iam(region));
        }
        assertThat(endpointsByPartition.keySet()).containsAll(List.of("aws", "aws-cn", "aws-us-gov", "aws-eusc"));
        endpointsByPartition.forEach((partition, endpoints) -> assertThat(endpoints).as(partition).hasSize(1));
        assertThat(endpointsByPartition.get("aws").first()).isEqualTo("https://iam.amazonaws.com signed for us-east-1");
    }

    @Test
    void aRegionNewerThanTheSdkReachesItsPartitionsIamEndpoint() {
        assertThat(iam("ap-southeast-9")).isEqualTo(iam("ap-southeast-1"));
        assertThat(iam("cn-south-1")).isEqualTo(iam("cn-north-1"));
        assertThat(iam("us-gov-north-1")).isEqualTo(iam("us-gov-west-1"));
    }

    private static String iam(String region) {
        var endpoint = IamEndpointProvider.defaultProvider()
                .resolveEndpoint(IamEndpointParams.builder().region(Region.of(region)).build()).join();
        var schemes = endpoint.attribute(AwsEndpointAttribute.AUTH_SCHEMES);
        String signing = schemes.stream().filter(SigV4AuthScheme.class::isInstance).map(SigV4AuthScheme.class::cast)
                .map(SigV4AuthScheme::signingRegion).findFirst().orElse("?");
        return endpoint.url() + " signed for " + signing;
    }
}
