package dev.cdkbootstrap.plan;

import static dev.cdkbootstrap.plan.Planning.plan;
import static dev.cdkbootstrap.plan.Planning.target;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The target rules of docs/config.md ("Targets"), including the seed loader's defects they fix. */
class TargetRulesTest {

    private static final String PIPELINE = Planning.PIPELINE_ONLY;

    @Test
    void pipelineAloneIsOneTargetTrustingNoOne() {
        Plan plan = plan(PIPELINE);
        assertThat(plan.targets()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("111111111111/eu-west-1");
            assertThat(t.trust()).isEmpty();
            assertThat(t.sources()).containsExactly("pipeline");
        });
        assertThat(plan.appPrefix()).isEqualTo("mlops-cdk");
        assertThat(plan.pipeline()).isEqualTo(new Plan.Pipeline("111111111111", "eu-west-1"));
    }

    @Test
    void pipelineWithBootstrapDisabledIsNotATargetButStillTrusted() {
        Plan plan = plan(PIPELINE + """
                    bootstrap: {enabled: false}
                  deployments:
                    - set_name: a
                      stages: [{stage_name: dev, account: "222222222222"}]
                """);
        assertThat(plan.targets()).extracting(Target::id).containsExactly("222222222222/eu-west-1");
        assertThat(plan.targets().get(0).trust()).containsExactly("111111111111");
    }

    @Test
    void devTrustsThePipelineAndPreprodAndProdAlsoTrustTheirSetsDev() {
        Plan plan = plan(PIPELINE + """
                  deployments:
                    - set_name: a
                      stages:
                        - {stage_name: dev, account: "222222222222"}
                        - {stage_name: preprod, account: "333333333333"}
                        - {stage_name: prod, account: "444444444444"}
                """);
        assertThat(target(plan, "222222222222", "eu-west-1").trust()).containsExactly("111111111111");
        assertThat(target(plan, "333333333333", "eu-west-1").trust()).containsExactly("111111111111", "222222222222");
        assertThat(target(plan, "444444444444", "eu-west-1").trust()).containsExactly("111111111111", "222222222222");
    }

    @Test
    void devTrustNeverLeaksIntoAnotherSet() {
        Plan plan = plan(PIPELINE + """
                  deployments:
                    - set_name: a
                      stages:
                        - {stage_name: dev, account: "222222222222"}
                    - set_name: b
                      stages:
                        - {stage_name: prod, account: "444444444444"}
                """);
        assertThat(target(plan, "444444444444", "eu-west-1").trust()).containsExactly("111111111111");
    }

    @Test
    void oneTargetReachedFromTwoSetsTrustsTheUnionInsteadOfTheLastSet() {
        Plan plan = plan(PIPELINE + """
                  deployments:
                    - set_name: a
                      stages:
                        - {stage_name: dev, account: "222222222222"}
                        - {stage_name: prod, account: "999999999999"}
                    - set_name: b
                      stages:
                        - {stage_name: dev, account: "555555555555"}
                        - {stage_name: prod, account: "999999999999"}
                """);
        Target shared = target(plan, "999999999999", "eu-west-1");
        assertThat(shared.trust()).containsExactly("111111111111", "222222222222", "555555555555");
        assertThat(shared.sources()).containsExactly("a/prod", "b/prod");
        assertThat(plan.targets()).hasSize(4);
    }

    @Test
    void aTargetNeverTrustsItsOwnAccount() {
        Plan plan = plan(PIPELINE + """
                  deployments:
                    - set_name: a
                      stages:
                        - {stage_name: dev, account: "111111111111"}
                        - {stage_name: prod, account: "111111111111", region: us-east-1}
                """);
        Target merged = target(plan, "111111111111", "eu-west-1");
        assertThat(merged.trust()).isEmpty();
        assertThat(merged.sources()).containsExactly("pipeline", "a/dev");
        assertThat(target(plan, "111111111111", "us-east-1").trust()).isEmpty();
    }

    @Test
    void aDisabledSetContributesNoTargetAndNoTrust() {
        Plan plan = plan(PIPELINE + """
                  deployments:
                    - set_name: a
                      enabled: false
                      stages:
                        - {stage_name: dev, account: "222222222222"}
                        - {stage_name: prod, account: "444444444444"}
                """);
        assertThat(plan.targets()).extracting(Target::id).containsExactly("111111111111/eu-west-1");
    }

    @Test
    void aDisabledDevStageIsNeitherATargetNorTrusted() {
        Plan plan = plan(PIPELINE + """
                  deployments:
                    - set_name: a
                      stages:
                        - {stage_name: dev, account: "222222222222", enabled: false}
                        - {stage_name: prod, account: "444444444444"}
                """);
        assertThat(plan.targets()).extracting(Target::id).containsExactly("111111111111/eu-west-1", "444444444444/eu-west-1");
        assertThat(target(plan, "444444444444", "eu-west-1").trust()).containsExactly("111111111111");
    }

    @Test
    void aDevStageWithBootstrapDisabledIsStillTrustedByItsSet() {
        Plan plan = plan(PIPELINE + """
                  deployments:
                    - set_name: a
                      stages:
                        - {stage_name: dev, account: "222222222222", bootstrap: {enabled: false}}
                        - {stage_name: prod, account: "444444444444"}
                """);
        assertThat(plan.targets()).extracting(Target::id).containsExactly("111111111111/eu-west-1", "444444444444/eu-west-1");
        assertThat(target(plan, "444444444444", "eu-west-1").trust()).containsExactly("111111111111", "222222222222");
    }

}
