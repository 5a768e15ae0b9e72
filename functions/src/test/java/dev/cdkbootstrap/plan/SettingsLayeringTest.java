package dev.cdkbootstrap.plan;

import static dev.cdkbootstrap.plan.Planning.POLICY;
import static dev.cdkbootstrap.plan.Planning.compact;
import static dev.cdkbootstrap.plan.Planning.errors;
import static dev.cdkbootstrap.plan.Planning.plan;
import static dev.cdkbootstrap.plan.Planning.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.plan.ExecutionPolicy.Origin;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bootstrap defaults at the file and set level, layered key by key under the stage's and the pipeline's own. */
class SettingsLayeringTest {

    /** Blocks of the file level (line 3), the pipeline (line 8), set "a" (line 12) and its dev stage (line 17). */
    private static String config(String file, String pipeline, String set, String stage) {
        return """
                cdk_app_config:
                  bootstrap:
                    %s
                  pipeline:
                    account: "111111111111"
                    region: eu-west-1
                    bootstrap:
                      %s
                  deployments:
                    - set_name: a
                      bootstrap:
                        %s
                      stages:
                        - stage_name: dev
                          account: "222222222222"
                          bootstrap:
                            %s
                """.formatted(file, pipeline, set, stage);
    }

    private static final String NONE = "{}";

    @Test
    void theMostSpecificPlaceWinsKeyByKeyAndThePipelineSkipsTheSetLevel() {
        Plan plan = plan(config("{termination_protection: true, kms_key: create, public_access_block: false}",
                NONE,
                "{termination_protection: false, tags: {team: a}}",
                "{public_access_block: true}"));
        ToolkitSettings stage = target(plan, "222222222222", "eu-west-1").settings();
        assertThat(stage.terminationProtection()).isFalse();
        assertThat(stage.kmsKey()).isEqualTo("create");
        assertThat(stage.publicAccessBlock()).isTrue();
        assertThat(stage.tags()).containsExactly(Map.entry("team", "a"));
        ToolkitSettings pipeline = target(plan, "111111111111", "eu-west-1").settings();
        assertThat(pipeline.terminationProtection()).isTrue();
        assertThat(pipeline.kmsKey()).isEqualTo("create");
        assertThat(pipeline.publicAccessBlock()).isFalse();
        assertThat(pipeline.tags()).isNull();
    }

    @Test
    void qualifierAndToolkitStackNameAreLayeredToo() {
        Plan plan = plan(config("{qualifier: org, toolkit_stack_name: OrgToolkit}", NONE, "{qualifier: team-a}", NONE));
        assertThat(target(plan, "111111111111", "eu-west-1").qualifier()).isEqualTo("org");
        Target dev = target(plan, "222222222222", "eu-west-1");
        assertThat(dev.qualifier()).isEqualTo("team-a");
        assertThat(dev.toolkitStackName()).isEqualTo("OrgToolkit");
    }

    @Test
    void tagsOfAMoreSpecificPlaceReplaceTheMapAboveAndAnEmptyMapDropsThem() {
        Plan replaced = plan(config("{tags: {org: x, team: none}}", NONE, "{tags: {team: a}}", NONE));
        assertThat(target(replaced, "222222222222", "eu-west-1").settings().tags()).containsExactly(Map.entry("team", "a"));
        assertThat(target(replaced, "111111111111", "eu-west-1").settings().tags())
                .containsExactly(Map.entry("org", "x"), Map.entry("team", "none"));
        Plan dropped = plan(config("{tags: {org: x}}", NONE, NONE, "{tags: {}}"));
        assertThat(target(dropped, "222222222222", "eu-west-1").settings().tags()).isNull();
    }

    @Test
    void trustForLookupIsTheUnionOfEveryLevel() {
        Plan plan = plan(config("{trust_for_lookup: [\"999999999999\"]}", NONE, "{trust_for_lookup: [\"888888888888\"]}",
                "{trust_for_lookup: [\"777777777777\", \"222222222222\"]}"));
        assertThat(target(plan, "222222222222", "eu-west-1").settings().trustForLookup())
                .containsExactly("777777777777", "888888888888", "999999999999");
        assertThat(target(plan, "111111111111", "eu-west-1").settings().trustForLookup()).containsExactly("999999999999");
    }

    @Test
    void aPolicyChosenAtAMoreSpecificPlaceReplacesBothPolicyKeysAbove() {
        Plan plan = plan(config("{execution_policy_filepath: org.json}", NONE,
                "{execution_policy_arn: 'arn:aws:iam::aws:policy/PowerUserAccess'}", NONE), Map.of("org.json", POLICY));
        assertThat(target(plan, "111111111111", "eu-west-1").executionPolicies()).extracting(ExecutionPolicy::origin)
                .containsExactly(Origin.FILE);
        assertThat(target(plan, "222222222222", "eu-west-1").executionPolicies()).containsExactly(
                new ExecutionPolicy("arn:aws:iam::aws:policy/PowerUserAccess", Origin.ARN, null));
        Plan stageFile = plan(config(NONE, NONE, "{execution_policy_arn: 'arn:aws:iam::aws:policy/PowerUserAccess'}",
                "{execution_policy_filepath: dev.json}"), Map.of("dev.json", POLICY));
        assertThat(target(stageFile, "222222222222", "eu-west-1").executionPolicies()).extracting(ExecutionPolicy::file)
                .containsExactly("dev.json");
    }

    @Test
    void bothPolicyKeysAtOnePlaceAreStillAnErrorThere() {
        assertThat(compact(errors(config("{execution_policy_filepath: p.json, execution_policy_arn: "
                + "'arn:aws:iam::aws:policy/PowerUserAccess'}", NONE, NONE, NONE), Map.of("p.json", POLICY))))
                .containsExactly("3:63 cdk_app_config.bootstrap.execution_policy_arn: choose one: "
                        + "execution_policy_filepath or execution_policy_arn, not both");
    }

    @Test
    void enabledOfTheFileLevelTurnsOffStagesButNotThePipeline() {
        Plan plan = plan(config("{enabled: false}", NONE, NONE, NONE));
        assertThat(plan.targets()).extracting(Target::id).containsExactly("111111111111/eu-west-1");
        Plan reenabled = plan(config("{enabled: false}", NONE, NONE, "{enabled: true}"));
        assertThat(reenabled.targets()).extracting(Target::id)
                .containsExactly("111111111111/eu-west-1", "222222222222/eu-west-1");
    }

    @Test
    void enabledOfTheSetLevelTurnsOffItsStagesButTheirDevStillCountsForTrust() {
        Plan plan = plan("""
                cdk_app_config:
                  pipeline: {account: "111111111111", region: eu-west-1}
                  deployments:
                    - set_name: a
                      bootstrap: {enabled: false}
                      stages:
                        - {stage_name: dev, account: "222222222222"}
                        - {stage_name: prod, account: "333333333333", bootstrap: {enabled: true}}
                    - set_name: b
                      stages: [{stage_name: dev, account: "444444444444"}]
                """);
        assertThat(plan.targets()).extracting(Target::id).containsExactly("111111111111/eu-west-1",
                "333333333333/eu-west-1", "444444444444/eu-west-1");
        assertThat(target(plan, "333333333333", "eu-west-1").trust()).containsExactly("111111111111", "222222222222");
    }

    @Test
    void anErrorAboutAnInheritedValueNamesThePlaceWhereItWasWritten() {
        assertThat(compact(errors(config("{kms_key: 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-"
                + "1234567890ab', template: t.yaml}", NONE, NONE, NONE), Map.of("t.yaml", CustomTemplateTest.TEMPLATE))))
                .containsExactly("3:15 cdk_app_config.bootstrap.kms_key: kms_key \"arn:aws:kms:eu-west-1:111111111111:key/"
                        + "1234abcd-12ab-34cd...\" is in account 111111111111, not the one of target 222222222222/eu-west-1; "
                        + "the staging bucket takes a key of its own account and region");
    }

    @Test
    void invalidValuesAtTheFileAndSetLevelAreReportedWhereTheyAreWritten() {
        assertThat(compact(errors(config("{qualifier: Bad}", NONE, "{public_access_block: maybe, colour: red}", NONE))))
                .containsExactly(
                        "3:17 cdk_app_config.bootstrap.qualifier: qualifier must be 1 to 10 lowercase letters, digits or "
                                + "'-', starting with a letter or digit",
                        "12:31 cdk_app_config.deployments[0].bootstrap.public_access_block: expected true or false, got "
                                + "the text \"maybe\"",
                        "12:38 cdk_app_config.deployments[0].bootstrap.colour: unknown key \"colour\"; expected one of: "
                                + "enabled, execution_policy_filepath, execution_policy_arn, aws_profile, qualifier, "
                                + "toolkit_stack_name, trust_for_lookup, permissions_boundary, termination_protection, tags, "
                                + "kms_key, public_access_block, template");
    }

    @Test
    void awsProfileIsAWarningAtEveryPlaceThatGivesIt() {
        Plan plan = plan(config("{aws_profile: org}", NONE, "{aws_profile: team}", NONE));
        assertThat(plan.warnings().subList(0, 2)).containsExactly(
                "cdk-app.yml:3:19 (cdk_app_config.bootstrap.aws_profile): aws_profile \"org\" is ignored: the workflow "
                        + "does not use named profiles, it assumes the target role in each account (see docs/migrating.md); "
                        + "remove the key",
                "cdk-app.yml:12:23 (cdk_app_config.deployments[0].bootstrap.aws_profile): aws_profile \"team\" is ignored: "
                        + "the workflow does not use named profiles, it assumes the target role in each account "
                        + "(see docs/migrating.md); remove the key");
    }
}
