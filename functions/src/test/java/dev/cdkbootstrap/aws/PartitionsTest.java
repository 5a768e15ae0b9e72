package dev.cdkbootstrap.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;

class PartitionsTest {

    @ParameterizedTest
    @CsvSource({"eu-west-1,aws", "cn-north-1,aws-cn", "us-gov-west-1,aws-us-gov", "us-iso-east-1,aws-iso",
            "us-isob-east-1,aws-iso-b", "eu-isoe-west-1,aws-iso-e", "us-isof-south-1,aws-iso-f"})
    void theAdaptersPartitionOfARegionIsThePlanners(String region, String partition) {
        assertThat(Partitions.of(region)).isEqualTo(partition);
    }

    @ParameterizedTest
    @CsvSource({"aws,eu-west-1,aws-global", "aws-us-gov,us-gov-east-1,aws-us-gov-global",
            "aws-cn,cn-north-1,aws-cn-global", "aws-iso-e,eu-isoe-west-1,eu-isoe-west-1",
            "aws-iso-f,us-isof-south-1,us-isof-south-1"})
    void iamIsSignedForThePartitionsGlobalRegionOrElseTheTargetsRegion(String partition, String region,
                                                                       String signing) {
        assertThat(Partitions.iamRegion(partition, region)).isEqualTo(Region.of(signing));
    }
}
