package dev.cdkbootstrap.plan;

import static dev.cdkbootstrap.plan.Planning.plan;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each target maps to exactly one CDK CLI invocation. */
class BootstrapCommandTest {

    @Test
    void trustIsOmittedWhenEmptyAndPoliciesAreAlwaysGiven() {
        Target t = plan("""
                cdk_app_config:
                  pipeline: {account: "111111111111", region: eu-west-1}
                """).targets().get(0);
        assertThat(t.bootstrapCommand()).containsExactly("cdk", "bootstrap", "aws://111111111111/eu-west-1",
                "--cloudformation-execution-policies", "arn:aws:iam::aws:policy/AdministratorAccess");
    }

    @Test
    void qualifierAndToolkitStackNameAreAppendedOnlyWhenNotTheCdkDefaults() {
        Target t = plan("""
                cdk_app_config:
                  pipeline:
                    account: "111111111111"
                    region: eu-west-1
                    bootstrap: {qualifier: abc123, toolkit_stack_name: Team-Toolkit,
                                execution_policy_arn: "arn:aws:iam::111111111111:policy/b"}
                """).targets().get(0);
        assertThat(t.qualifier()).isEqualTo("abc123");
        assertThat(t.toolkitStackName()).isEqualTo("Team-Toolkit");
        assertThat(t.bootstrapCommand()).containsExactly("cdk", "bootstrap", "aws://111111111111/eu-west-1",
                "--cloudformation-execution-policies", "arn:aws:iam::111111111111:policy/b",
                "--qualifier", "abc123", "--toolkit-stack-name", "Team-Toolkit");
    }

    @Test
    void explicitlyGivenDefaultsAddNoFlags() {
        Target t = plan("""
                cdk_app_config:
                  pipeline:
                    account: "111111111111"
                    region: eu-west-1
                    bootstrap: {qualifier: hnb659fds, toolkit_stack_name: CDKToolkit}
                """).targets().get(0);
        assertThat(t.bootstrapCommand()).doesNotContain("--qualifier", "--toolkit-stack-name");
    }

    @Test
    void trustListIsCommaSeparatedAndSorted() {
        Target t = plan("""
                cdk_app_config:
                  pipeline: {account: "999999999999", region: eu-west-1}
                  deployments:
                    - set_name: a
                      stages:
                        - {stage_name: prod, account: "333333333333"}
                        - {stage_name: dev, account: "222222222222"}
                """).targets().get(1);
        assertThat(t.bootstrapCommand()).containsSequence("--trust", "222222222222,999999999999");
    }
}
