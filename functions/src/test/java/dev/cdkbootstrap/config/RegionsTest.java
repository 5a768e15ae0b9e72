package dev.cdkbootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionsTest {

    @ParameterizedTest
    @CsvSource({"eu-west-1,aws", "us-east-1,aws", "ap-southeast-5,aws", "cn-north-1,aws-cn", "cn-northwest-1,aws-cn",
            "us-gov-west-1,aws-us-gov", "us-iso-east-1,aws-iso", "us-isob-east-1,aws-iso-b", "eu-isoe-west-1,aws-iso-e",
            "us-isof-south-1,aws-iso-f"})
    void thePartitionFollowsTheRegion(String region, String partition) {
        assertThat(Regions.isValid(region)).isTrue();
        assertThat(Regions.partition(region)).isEqualTo(partition);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-west", "EU-WEST-1", "euwest1", "eu-west-1a", "e-west-1", "eu-west-1 ", "europe"})
    void regionsAreCheckedByShape(String region) {
        assertThat(Regions.isValid(region)).isFalse();
    }
}
