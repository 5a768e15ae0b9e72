package dev.cdkbootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.plan.ConfigPlanner;
import dev.cdkbootstrap.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Schema defaults and accepted spellings (errors live in the invalid-config corpus). */
class SchemaTest {

    private static Plan plan(String yaml) {
        return ConfigPlanner.plan("c.yml", yaml.getBytes(StandardCharsets.UTF_8), p -> Optional.empty()).plan();
    }

    @Test
    void anUnquotedTwelveDigitAccountIsTakenAsWritten() {
        Plan plan = plan("cdk_app_config:\n  pipeline: {account: 123456789012, region: eu-west-1}\n");
        assertThat(plan.targets().get(0).account()).isEqualTo("123456789012");
    }

    @Test
    void aQuotedAccountWithLeadingZerosKeepsThem() {
        Plan plan = plan("cdk_app_config:\n  pipeline: {account: '012345670123', region: eu-west-1}\n");
        assertThat(plan.targets().get(0).account()).isEqualTo("012345670123");
    }

    @Test
    void yamlBooleanSpellingsAreAccepted() {
        Plan plan = plan("""
                cdk_app_config:
                  pipeline: {account: "111111111111", region: eu-west-1, bootstrap: {enabled: no}}
                  deployments:
                    - {set_name: a, enabled: Yes, stages: [{stage_name: dev, account: "222222222222", enabled: on}]}
                """);
        assertThat(plan.targets()).extracting(t -> t.account()).containsExactly("222222222222");
    }

    @Test
    void appPrefixNamesThePolicies() {
        Plan plan = plan("cdk_app_config:\n  app_prefix: team-x\n  pipeline: {account: '111111111111', region: eu-west-1}\n");
        assertThat(plan.appPrefix()).isEqualTo("team-x");
    }

    @Test
    void awsProfileAndCodeCommitAreAcceptedAndDoNotChangeTheTargets() {
        String base = "cdk_app_config:\n  pipeline:\n    account: '111111111111'\n    region: eu-west-1\n";
        Plan plain = plan(base);
        Plan extended = plan(base + """
                    bootstrap: {aws_profile: governance}
                    code_commit:
                      infra: {repo_name: mlops-infra, branch_name: main}
                      project_template: {repo_name: mlops-sm-project-template, branch_name: main}
                """);
        assertThat(extended.targets()).isEqualTo(plain.targets());
        assertThat(extended.warnings()).hasSize(plain.warnings().size() + 1);
        assertThat(extended.warnings().get(0)).isEqualTo("c.yml:5:30 (cdk_app_config.pipeline.bootstrap.aws_profile): "
                + "aws_profile \"governance\" is ignored: the workflow does not use named profiles, it assumes the "
                + "target role in each account (see docs/migrating.md); remove the key");
    }

    @Test
    void aDisabledSetIsStillValidated() {
        String yaml = """
                cdk_app_config:
                  pipeline: {account: "111111111111", region: eu-west-1}
                  deployments:
                    - {set_name: a, enabled: false, stages: [{stage_name: dev, account: "12"}]}
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plan(yaml))
                .isInstanceOf(ConfigValidationException.class).hasMessageContaining("has 2 digits");
    }
}
