package dev.cdkbootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.config.RegionCheck.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCheckTest {
    private static final String UNKNOWN = " is not known to this build's AWS SDK (" + Regions.SDK_VERSION + ")";

    @ParameterizedTest
    @ValueSource(strings = {"eu-west-1", "eusc-de-east-1", "cn-northwest-1", "us-gov-east-1", "us-isof-south-1"})
    void aKnownRegionIsFine(String region) {
        assertThat(RegionCheck.of(region)).isEqualTo(new RegionCheck(Verdict.KNOWN, null));
    }

    @ParameterizedTest
    @CsvSource({"eu-wset-2,eu-west-2", "us-esat-1,us-east-1", "eu-cental-1,eu-central-1", "ap-sotheast-2,ap-southeast-2",
            "ue-west-1,eu-west-1", "us-gvo-west-1,us-gov-west-1", "eu-wst-3,eu-west-3"})
    void aMisspeltWordOrASwappedPrefixIsANearMissWithDidYouMean(String region, String meant) {
        RegionCheck check = RegionCheck.of(region);
        assertThat(check.verdict()).isEqualTo(Verdict.NEAR_MISS);
        assertThat(check.isError()).isTrue();
        assertThat(check.message()).isEqualTo("region " + region + UNKNOWN + "; did you mean " + meant + "?");
    }

    @Test
    void aNumberPastTheGroupIsANearMissNamingTheGroupsRegions() {
        RegionCheck check = RegionCheck.of("eu-west-9");
        assertThat(check.verdict()).isEqualTo(Verdict.NEAR_MISS);
        assertThat(check.message()).isEqualTo("region eu-west-9" + UNKNOWN
                + ": the eu-west regions are eu-west-1, eu-west-2, eu-west-3");
    }

    @Test
    void aMisspeltWordWithAnUnknownNumberNamesTheWordAndTheGroup() {
        assertThat(RegionCheck.of("eu-wset-9").message()).isEqualTo("region eu-wset-9" + UNKNOWN
                + "; \"wset\" looks like a misspelling of \"west\" (the eu-west regions are eu-west-1, eu-west-2, eu-west-3)");
    }

    @Test
    void theNextNumbersOfAGroupArePlausiblyNewRegions() {
        for (String region : new String[] {"eu-west-4", "eu-west-5"}) {
            RegionCheck check = RegionCheck.of(region);
            assertThat(check.verdict()).as(region).isEqualTo(Verdict.UNKNOWN);
            assertThat(check.message()).isEqualTo("region " + region + UNKNOWN + "; if it is a new region, it will be "
                    + "tried, in partition aws (the eu-west regions it knows: eu-west-1, eu-west-2, eu-west-3)");
        }
        assertThat(RegionCheck.of("eu-west-" + (3 + RegionCheck.NEW_NUMBERS + 1)).verdict()).isEqualTo(Verdict.NEAR_MISS);
    }

    @Test
    void aWellShapedNameFarFromEveryKnownOneIsUnknownNotAnError() {
        RegionCheck check = RegionCheck.of("xx-newplace-1");
        assertThat(check.isError()).isFalse();
        assertThat(check.message()).isEqualTo("region xx-newplace-1" + UNKNOWN + "; if it is a new region, it will be "
                + "tried, in partition aws (the SDK's default: no partition's region pattern matches it)");
        assertThat(RegionCheck.of("cn-south-1").message()).endsWith("it will be tried, in partition aws-cn");
        assertThat(RegionCheck.of("ap-southwest-1").verdict()).isEqualTo(Verdict.UNKNOWN); // a new word, two edits away
    }

    @Test
    void oneLetterOfAPrefixIsNotASlip() {
        // me-central-1 exists, and mx-central-1 was once new to the SDK: a new country code must stay possible.
        RegionCheck check = RegionCheck.of("mz-central-1");
        assertThat(check.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(check.message()).endsWith("; did you mean me-central-1?");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "EU-WEST-1|; did you mean eu-west-1?", "eu-west1|; did you mean eu-west-1?",
            "eu-west-1a|; did you mean eu-west-1?", "eu-west|; did you mean eu-west-1?", "Europe|"})
    void aNameNotShapedLikeARegionIsMalformed(String region, String hint) {
        RegionCheck check = RegionCheck.of(region);
        assertThat(check.verdict()).isEqualTo(Verdict.MALFORMED);
        assertThat(check.message()).isEqualTo("\"" + region + "\" is not a region name (expected the shape of e.g. "
                + "eu-west-1, us-gov-west-1 or eusc-de-east-1)" + (hint == null ? "" : hint));
    }
}
