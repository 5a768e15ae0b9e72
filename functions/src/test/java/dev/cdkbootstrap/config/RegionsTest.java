package dev.cdkbootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionsTest {

    @ParameterizedTest
    @CsvSource({"eu-west-1,aws", "us-east-1,aws", "ap-southeast-5,aws", "mx-central-1,aws", "cn-north-1,aws-cn",
            "cn-northwest-1,aws-cn", "us-gov-west-1,aws-us-gov", "us-iso-east-1,aws-iso", "us-isob-east-1,aws-iso-b",
            "eu-isoe-west-1,aws-iso-e", "us-isof-south-1,aws-iso-f", "eusc-de-east-1,aws-eusc"})
    void theSdkKnowsTheRegionAndItsPartition(String region, String partition) {
        assertThat(Regions.isKnown(region)).isTrue();
        assertThat(Regions.isValid(region)).isTrue();
        assertThat(Regions.partition(region)).isEqualTo(partition);
    }

    @ParameterizedTest
    @CsvSource({"ap-southeast-9,aws", "cn-south-1,aws-cn", "us-gov-north-1,aws-us-gov", "us-isob-west-7,aws-iso-b",
            "eusc-de-west-1,aws-eusc"})
    void aRegionNewerThanTheSdkIsPlacedByItsPartitionsRegionPattern(String region, String partition) {
        assertThat(Regions.isKnown(region)).isFalse();
        assertThat(Regions.isPlaced(region)).isTrue();
        assertThat(Regions.partition(region)).isEqualTo(partition);
    }

    @Test
    void aNameNoPartitionPatternMatchesGetsTheSdksDefaultPartition() {
        assertThat(Regions.isPlaced("xx-newplace-1")).isFalse();
        assertThat(Regions.partition("xx-newplace-1")).isEqualTo("aws");
    }

    @Test
    void theListsComeFromTheSdkWithoutItsGlobalPseudoRegions() {
        assertThat(Regions.partitions()).contains("aws", "aws-cn", "aws-us-gov", "aws-eusc", "aws-iso", "aws-iso-b");
        assertThat(Regions.known()).contains("eu-west-3", "eusc-de-east-1").doesNotContain("aws-global", "aws-cn-global");
        assertThat(Regions.SDK_VERSION).matches("2\\.\\d+\\.\\d+");
    }

    @ParameterizedTest
    @CsvSource({"eu-west-1,amazonaws.com", "cn-north-1,amazonaws.com.cn", "eusc-de-east-1,amazonaws.eu",
            "us-iso-east-1,c2s.ic.gov"})
    void theDnsSuffixIsThePartitions(String region, String suffix) {
        assertThat(Regions.dnsSuffix(region)).isEqualTo(suffix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-west", "EU-WEST-1", "euwest1", "eu-west-1a", "e-west-1", "eu-west-1 ", "europe",
            "eu-west-01", "aws-global", "us-East-1"})
    void regionsAreCheckedByShape(String region) {
        assertThat(Regions.isValid(region)).isFalse();
    }
}
