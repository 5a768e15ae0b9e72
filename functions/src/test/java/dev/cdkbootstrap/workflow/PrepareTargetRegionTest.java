package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.port.TargetAccount.RegionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A region the target cannot use gets the advice of its case: enable it, fix its spelling, or use another. */
class PrepareTargetRegionTest {

    private static Target in(String region) {
        return Fixtures.target(DEV, region, List.of(), List.of());
    }

    @Test
    void aRegionNotOptedInIsToBeEnabled() {
        assertThat(PrepareTargetStep.regionProblem(in("ap-east-1"), RegionStatus.NOT_ENABLED)).isEqualTo("region ap-east-1"
                + " is not enabled for account " + DEV + " (an opt-in region); enable it (aws account enable-region"
                + " --account-id " + DEV + " --region-name ap-east-1) or remove the target from cdk-app.yml");
    }

    @Test
    void aRegionNobodyKnowsIsATypoNotARegionToEnable() {
        assertThat(PrepareTargetStep.regionProblem(in("eu-wset-2"), RegionStatus.UNKNOWN)).isEqualTo("region eu-wset-2"
                + " does not exist for account " + DEV + " (EC2 does not list it) and this build's AWS SDK does not know"
                + " it either: check its spelling in cdk-app.yml").doesNotContain("enable");
    }

    @Test
    void aKnownRegionTheAccountDoesNotListIsNotAvailableToIt() {
        assertThat(PrepareTargetStep.regionProblem(in("eu-west-1"), RegionStatus.UNKNOWN))
                .startsWith("region eu-west-1 is not available to account " + DEV)
                .contains("a region of partition aws").doesNotContain("enable");
    }
}
