package dev.cdkbootstrap.plan;

import static dev.cdkbootstrap.plan.Planning.compact;
import static dev.cdkbootstrap.plan.Planning.errors;
import static dev.cdkbootstrap.plan.Planning.plan;
import static dev.cdkbootstrap.plan.Planning.target;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where targets are (regions, partitions), their order, and the defaults of blank keys. Trust: TargetRulesTest. */
class TargetPlacesTest {

    private static final String PIPELINE = Planning.PIPELINE_ONLY;

    @Test
    void regionLessStageInheritsTheSetDefaultRegionNotThePipelineRegion() {
        Plan plan = plan(PIPELINE + """
                  deployments:
                    - set_name: a
                      default_region: us-east-2
                      stages: [{stage_name: dev, account: "222222222222"}]
                """);
        assertThat(plan.targets()).extracting(Target::id)
                .containsExactly("111111111111/eu-west-1", "222222222222/us-east-2");
    }

    @Test
    void regionLessStageInASetWithoutDefaultRegionInheritsThePipelineRegion() {
        Plan plan = plan(PIPELINE + """
                  deployments:
                    - set_name: a
                      stages: [{stage_name: dev, account: "222222222222"}]
                """);
        assertThat(target(plan, "222222222222", "eu-west-1").sources()).containsExactly("a/dev");
    }

    @Test
    void stageRegionWinsOverTheSetDefaultRegion() {
        Plan plan = plan(PIPELINE + """
                  deployments:
                    - set_name: a
                      default_region: us-east-2
                      stages: [{stage_name: dev, account: "222222222222", region: ap-south-1}]
                """);
        assertThat(target(plan, "222222222222", "ap-south-1").sources()).containsExactly("a/dev");
    }

    @Test
    void targetsAreOrderedByAccountThenRegion() {
        Plan plan = plan("""
                cdk_app_config:
                  pipeline: {account: "900000000000", region: us-west-2}
                  deployments:
                    - set_name: a
                      stages:
                        - {stage_name: prod, account: "300000000000", region: us-east-1}
                        - {stage_name: dev, account: "300000000000", region: eu-west-1}
                        - {stage_name: preprod, account: "100000000000"}
                """);
        assertThat(plan.targets()).extracting(Target::id).containsExactly("100000000000/us-west-2",
                "300000000000/eu-west-1", "300000000000/us-east-1", "900000000000/us-west-2");
    }

    @Test
    void blankKeysMeanNotGivenSoTheirDefaultsApply() {
        Plan plan = plan("""
                cdk_app_config:
                  app_prefix:
                  pipeline:
                    account: "111111111111"
                    region: eu-west-1
                    bootstrap:
                      enabled:
                      execution_policy_filepath:
                      execution_policy_arn:
                      aws_profile:
                    code_commit:
                      infra:
                        repo_name:
                        branch_name:
                  deployments:
                    - set_name: first-example
                      enabled:
                      default_region:
                      stages:
                        - stage_name: dev
                          account: "222222222222"
                          region:
                          enabled:
                          bootstrap:
                            enabled:
                            execution_policy_filepath: ""
                """);
        assertThat(plan.appPrefix()).isEqualTo("mlops-cdk");
        assertThat(plan.targets()).extracting(Target::id).containsExactly("111111111111/eu-west-1", "222222222222/eu-west-1");
        assertThat(plan.targets()).allSatisfy(t -> assertThat(t.executionPolicies()).extracting(ExecutionPolicy::origin)
                .containsExactly(ExecutionPolicy.Origin.DEFAULT));
    }

    @Test
    void noDeploymentsPlansOnlyThePipeline() {
        assertThat(plan(PIPELINE + "  deployments: []\n").targets()).hasSize(1);
        assertThat(plan(PIPELINE + "  deployments:\n").targets()).hasSize(1);
    }

    @Test
    void thePartitionFollowsTheRegionInEveryArn() {
        Plan plan = plan("""
                cdk_app_config:
                  pipeline: {account: "111111111111", region: cn-north-1}
                """);
        Target t = plan.targets().get(0);
        assertThat(t.partition()).isEqualTo("aws-cn");
        assertThat(t.executionPolicies().get(0).arn()).isEqualTo("arn:aws-cn:iam::aws:policy/AdministratorAccess");
        assertThat(plan("""
                cdk_app_config:
                  pipeline: {account: "111111111111", region: us-gov-west-1}
                """).targets().get(0).partition()).isEqualTo("aws-us-gov");
    }

    @Test
    void aStageInAnotherPartitionThanThePipelineIsAnError() {
        assertThat(compact(errors(PIPELINE + """
                  deployments:
                    - set_name: a
                      stages: [{stage_name: dev, account: "222222222222", region: cn-north-1}]
                """))).containsExactly("7:67 cdk_app_config.deployments[0].stages[0].region: region cn-north-1 is in "
                + "partition aws-cn but the pipeline region eu-west-1 is in aws; an account cannot trust an account "
                + "of another partition");
    }
}
