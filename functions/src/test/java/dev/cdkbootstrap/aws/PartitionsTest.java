package dev.cdkbootstrap.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;

class PartitionsTest {

    @ParameterizedTest
    @CsvSource({"aws,eu-west-1,aws-global", "aws-us-gov,us-gov-east-1,aws-us-gov-global",
            "aws-cn,cn-north-1,aws-cn-global", "aws-iso-e,eu-isoe-west-1,eu-isoe-west-1",
            "aws-iso-f,us-isof-south-1,us-isof-south-1"})
    void iamIsSignedForThePartitionsGlobalRegionOrElseTheTargetsRegion(String partition, String region,
                                                                       String signing) {
        assertThat(Partitions.iamRegion(partition, region)).isEqualTo(Region.of(signing));
    }
}
