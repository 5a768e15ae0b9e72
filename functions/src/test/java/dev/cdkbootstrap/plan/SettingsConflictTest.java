package dev.cdkbootstrap.plan;

import static dev.cdkbootstrap.plan.Planning.compact;
import static dev.cdkbootstrap.plan.Planning.errors;
import static dev.cdkbootstrap.plan.Planning.plan;
import static dev.cdkbootstrap.plan.Planning.planned;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** One target reached from several places gets one value per setting; disagreement names both places. */
class SettingsConflictTest {

    /** The pipeline (bootstrap on line 5) and set a's dev stage (bootstrap on line 11) are the same target. */
    private static String shared(String pipeline, String stage) {
        return """
                cdk_app_config:
                  pipeline:
                    account: "111111111111"
                    region: eu-west-1
                    bootstrap: %s
                  deployments:
                    - set_name: a
                      stages:
                        - stage_name: dev
                          account: "111111111111"
                          bootstrap: %s
                """.formatted(pipeline, stage);
    }

    private static Target only(String pipeline, String stage) {
        return plan(shared(pipeline, stage)).targets().get(0);
    }

    @Test
    void aSettingGivenByOnePlaceOnlyIsTheTargetsSetting() {
        Target t = only("{termination_protection: true, tags: {a: b}}", "{kms_key: create}");
        assertThat(t.sources()).containsExactly("pipeline", "a/dev");
        assertThat(t.settings().terminationProtection()).isTrue();
        assertThat(t.settings().tags()).containsExactly(Map.entry("a", "b"));
        assertThat(t.settings().kmsKey()).isEqualTo("create");
    }

    @Test
    void equalValuesFromSeveralPlacesAgree() {
        Target t = only("{public_access_block: false, tags: {a: b, c: d}}", "{public_access_block: no, tags: {c: d, a: b}}");
        assertThat(t.settings().publicAccessBlock()).isFalse();
        assertThat(t.settings().tags()).hasSize(2);
    }

    @Test
    void trustForLookupIsTheUnionOfThePlacesWithoutTheOwnAccount() {
        Target t = only("{trust_for_lookup: [\"333333333333\"]}", "{trust_for_lookup: [\"222222222222\", \"111111111111\"]}");
        assertThat(t.settings().trustForLookup()).containsExactly("222222222222", "333333333333");
    }

    @Test
    void differentSingleValuesAreAnErrorNamingBothPlaces() {
        assertThat(compact(errors(shared("{termination_protection: true}", "{termination_protection: false}"))))
                .containsExactly("11:47 cdk_app_config.deployments[0].stages[0].bootstrap.termination_protection: target "
                        + "111111111111/eu-west-1 gets termination_protection false here (a/dev) but true from pipeline at "
                        + "cdk-app.yml:5:41 (cdk_app_config.pipeline.bootstrap.termination_protection); one target has one value of "
                        + "termination_protection");
        assertThat(compact(errors(shared("{permissions_boundary: a}", "{permissions_boundary: cdk-example}"))))
                .containsExactly("11:45 cdk_app_config.deployments[0].stages[0].bootstrap.permissions_boundary: target "
                        + "111111111111/eu-west-1 gets permissions_boundary \"cdk-example\" here (a/dev) but \"a\" from "
                        + "pipeline at cdk-app.yml:5:39 (cdk_app_config.pipeline.bootstrap.permissions_boundary); one target "
                        + "has one value of permissions_boundary");
    }

    @Test
    void differentTagMapsAreAnErrorNamingBothPlaces() {
        assertThat(compact(errors(shared("{tags: {a: b}}", "{tags: {a: b, c: d}}")))).containsExactly(
                "11:29 cdk_app_config.deployments[0].stages[0].bootstrap.tags: target 111111111111/eu-west-1 gets tags "
                        + "{a=b, c=d} here (a/dev) but {a=b} from pipeline at cdk-app.yml:5:23 "
                        + "(cdk_app_config.pipeline.bootstrap.tags); one target has one value of tags");
    }

    @Test
    void differentTemplatesAndKmsKeysAreErrorsNamingBothPlaces() {
        String yaml = shared("{template: a.yaml, kms_key: create}", "{template: b.yaml, kms_key: aws-managed}");
        assertThat(compact(errors(yaml, Map.of("a.yaml", CustomTemplateTest.TEMPLATE, "b.yaml", CustomTemplateTest.TEMPLATE))))
                .containsExactly(
                        "11:33 cdk_app_config.deployments[0].stages[0].bootstrap.template: target 111111111111/eu-west-1 "
                                + "gets template \"b.yaml\" here (a/dev) but \"a.yaml\" from pipeline at cdk-app.yml:5:27 "
                                + "(cdk_app_config.pipeline.bootstrap.template); one target has one value of template",
                        "11:50 cdk_app_config.deployments[0].stages[0].bootstrap.kms_key: target 111111111111/eu-west-1 "
                                + "gets kms_key \"aws-managed\" here (a/dev) but \"create\" from pipeline at cdk-app.yml:5:44 "
                                + "(cdk_app_config.pipeline.bootstrap.kms_key); one target has one value of kms_key");
    }

    @Test
    void anInheritedValueConflictsWhereItWasWritten() {
        String yaml = """
                cdk_app_config:
                  bootstrap: {termination_protection: true}
                  pipeline: {account: "111111111111", region: eu-west-1}
                  deployments:
                    - set_name: a
                      stages: [{stage_name: dev, account: "111111111111", bootstrap: {termination_protection: false}}]
                """;
        assertThat(compact(errors(yaml))).containsExactly("6:95 cdk_app_config.deployments[0].stages[0].bootstrap."
                + "termination_protection: target 111111111111/eu-west-1 gets termination_protection false here (a/dev) "
                + "but true from pipeline at cdk-app.yml:2:39 (cdk_app_config.bootstrap.termination_protection); one "
                + "target has one value of termination_protection");
    }

    @Test
    void theMergedTemplateIsCarriedOnce() {
        PlannedConfig planned = planned(shared("{template: t.yaml}", "{template: t.yaml}"),
                Map.of("t.yaml", CustomTemplateTest.TEMPLATE));
        assertThat(planned.templates()).containsOnlyKeys("t.yaml");
        assertThat(planned.plan().targets().get(0).settings().template().path()).isEqualTo("t.yaml");
    }
}
