package dev.cdkbootstrap.plan;

import static dev.cdkbootstrap.plan.Planning.compact;
import static dev.cdkbootstrap.plan.Planning.errors;
import static dev.cdkbootstrap.plan.Planning.plan;
import static dev.cdkbootstrap.plan.Planning.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.config.Regions;
import org.junit.jupiter.api.Test;

/** Regions against the SDK's metadata (config.RegionCheck) as the planner applies them, with their places. */
class RegionRulesTest {
    private static final String SDK = "this build's AWS SDK (" + Regions.SDK_VERSION + ")";

    @Test
    void aMisspeltRegionIsAnErrorAtItsPlaceWithDidYouMean() {
        assertThat(compact(errors("""
                cdk_app_config:
                  pipeline: {account: "111111111111", region: eu-wset-2}
                """))).containsExactly("2:47 cdk_app_config.pipeline.region: region eu-wset-2 is not known to " + SDK
                + "; did you mean eu-west-2?");
    }

    @Test
    void aNumberPastTheKnownOnesIsAnErrorNamingThem() {
        assertThat(compact(errors("""
                cdk_app_config:
                  pipeline: {account: "111111111111", region: eu-west-1}
                  deployments:
                    - {set_name: a, default_region: eu-west-9, stages: [{stage_name: dev, account: "222222222222"}]}
                """))).containsExactly("4:37 cdk_app_config.deployments[0].default_region: region eu-west-9 is not known to "
                + SDK + ": the eu-west regions are eu-west-1, eu-west-2, eu-west-3");
    }

    @Test
    void aWellShapedUnknownRegionIsPlannedWithAWarningNamingItsPlace() {
        Plan plan = plan("""
                cdk_app_config:
                  pipeline: {account: "111111111111", region: eu-west-1}
                  deployments:
                    - set_name: a
                      stages:
                        - {stage_name: dev, account: "222222222222", region: xx-newplace-1}
                        - {stage_name: prod, account: "333333333333", region: xx-newplace-1}
                """);
        assertThat(target(plan, "222222222222", "xx-newplace-1").partition()).isEqualTo("aws");
        assertThat(plan.warnings().get(0)).isEqualTo("cdk_app_config.deployments[0].stages[0].region (line 6, column 62): "
                + "region xx-newplace-1 is not known to " + SDK + "; if it is a new region, it will be tried, in partition "
                + "aws (the SDK's default: no partition's region pattern matches it); 1 more place names it");
    }

    @Test
    void knownRegionsGiveNoRegionWarning() {
        Plan plan = plan("""
                cdk_app_config:
                  pipeline: {account: "111111111111", region: eu-west-1, bootstrap: {execution_policy_arn: "arn:aws:iam::aws:policy/X"}}
                """);
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void theEuropeanSovereignCloudIsItsOwnPartition() {
        Plan plan = plan("""
                cdk_app_config:
                  pipeline:
                    account: "111111111111"
                    region: eusc-de-east-1
                    bootstrap: {execution_policy_arn: "arn:aws-eusc:iam::aws:policy/PowerUserAccess"}
                """);
        Target t = plan.targets().get(0);
        assertThat(t.partition()).isEqualTo("aws-eusc");
        assertThat(t.executionPolicies().get(0).arn()).isEqualTo("arn:aws-eusc:iam::aws:policy/PowerUserAccess");
    }

    @Test
    void aStageInTheSovereignCloudUnderAPipelineInAwsIsTheCrossPartitionError() {
        assertThat(compact(errors("""
                cdk_app_config:
                  pipeline: {account: "111111111111", region: eu-central-1}
                  deployments:
                    - set_name: a
                      stages: [{stage_name: dev, account: "222222222222", region: eusc-de-east-1}]
                """))).containsExactly("5:67 cdk_app_config.deployments[0].stages[0].region: region eusc-de-east-1 is in "
                + "partition aws-eusc but the pipeline region eu-central-1 is in aws; an account cannot trust an account "
                + "of another partition");
    }

    @Test
    void aKmsKeyArnOfTheSovereignCloudIsReadAndCheckedAgainstTheTargetsPartition() {
        assertThat(compact(errors("""
                cdk_app_config:
                  pipeline:
                    account: "111111111111"
                    region: eu-central-1
                    bootstrap: {kms_key: "arn:aws-eusc:kms:eusc-de-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"}
                """))).singleElement().asString().contains("is in partition aws-eusc (target's: aws), region eusc-de-east-1, "
                + "not the one of target 111111111111/eu-central-1");
    }

    @Test
    void chinaAndGovCloudArePartitionsOfTheirOwn() {
        assertThat(plan("cdk_app_config:\n  pipeline: {account: \"111111111111\", region: cn-north-1}\n")
                .targets().get(0).partition()).isEqualTo("aws-cn");
        assertThat(plan("cdk_app_config:\n  pipeline: {account: \"111111111111\", region: us-gov-west-1}\n")
                .targets().get(0).partition()).isEqualTo("aws-us-gov");
    }
}
