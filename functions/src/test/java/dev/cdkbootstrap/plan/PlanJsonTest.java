package dev.cdkbootstrap.plan;

import static dev.cdkbootstrap.plan.Planning.POLICY;
import static dev.cdkbootstrap.plan.Planning.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan JSON of docs/contracts.md: field names and order, omitted nulls, determinism. */
class PlanJsonTest {
    private static final String CONFIG = """
            cdk_app_config:
              pipeline: {account: "111111111111", region: eu-west-1, bootstrap: {execution_policy_filepath: p.json}}
              deployments:
                - set_name: a
                  stages:
                    - {stage_name: prod, account: "333333333333", bootstrap: {qualifier: team1}}
                    - {stage_name: dev, account: "222222222222"}
            """;

    @Test
    void planJsonHasTheContractsFieldsInOrder() {
        String json = PlanJson.write(plan(CONFIG, Map.of("p.json", POLICY)));
        assertThat(json).isEqualTo("""
                {
                  "appPrefix" : "mlops-cdk",
                  "pipeline" : {
                    "account" : "111111111111",
                    "region" : "eu-west-1"
                  },
                  "targets" : [ {
                    "account" : "111111111111",
                    "region" : "eu-west-1",
                    "partition" : "aws",
                    "sources" : [ "pipeline" ],
                    "trust" : [ ],
                    "executionPolicies" : [ {
                      "arn" : "arn:aws:iam::111111111111:policy/mlops-cdk-exec-eu-west-1",
                      "origin" : "file",
                      "file" : "p.json"
                    } ],
                    "qualifier" : "hnb659fds",
                    "toolkitStackName" : "CDKToolkit",
                    "settings" : {
                      "trustForLookup" : [ ]
                    },
                    "bootstrapCommand" : [ "cdk", "bootstrap", "aws://111111111111/eu-west-1", "--cloudformation-execution-policies", "arn:aws:iam::111111111111:policy/mlops-cdk-exec-eu-west-1" ]
                  }, {
                    "account" : "222222222222",
                    "region" : "eu-west-1",
                    "partition" : "aws",
                    "sources" : [ "a/dev" ],
                    "trust" : [ "111111111111" ],
                    "executionPolicies" : [ {
                      "arn" : "arn:aws:iam::aws:policy/AdministratorAccess",
                      "origin" : "default"
                    } ],
                    "qualifier" : "hnb659fds",
                    "toolkitStackName" : "CDKToolkit",
                    "settings" : {
                      "trustForLookup" : [ ]
                    },
                    "bootstrapCommand" : [ "cdk", "bootstrap", "aws://222222222222/eu-west-1", "--trust", "111111111111", "--cloudformation-execution-policies", "arn:aws:iam::aws:policy/AdministratorAccess" ]
                  }, {
                    "account" : "333333333333",
                    "region" : "eu-west-1",
                    "partition" : "aws",
                    "sources" : [ "a/prod" ],
                    "trust" : [ "111111111111", "222222222222" ],
                    "executionPolicies" : [ {
                      "arn" : "arn:aws:iam::aws:policy/AdministratorAccess",
                      "origin" : "default"
                    } ],
                    "qualifier" : "team1",
                    "toolkitStackName" : "CDKToolkit",
                    "settings" : {
                      "trustForLookup" : [ ]
                    },
                    "bootstrapCommand" : [ "cdk", "bootstrap", "aws://333333333333/eu-west-1", "--trust", "111111111111,222222222222", "--cloudformation-execution-policies", "arn:aws:iam::aws:policy/AdministratorAccess", "--qualifier", "team1" ]
                  } ],
                  "warnings" : [ "222222222222/eu-west-1: no execution policy given (a/dev); using arn:aws:iam::aws:policy/AdministratorAccess. Set execution_policy_filepath or execution_policy_arn, or add execution_policy_222222222222_eu-west-1.json beside the config file", "333333333333/eu-west-1: no execution policy given (a/prod); using arn:aws:iam::aws:policy/AdministratorAccess. Set execution_policy_filepath or execution_policy_arn, or add execution_policy_333333333333_eu-west-1.json beside the config file" ]
                }
                """);
    }

    @Test
    void managedSettingsAreWrittenInRecordOrderAndUnmanagedOnesLeftOut() {
        Plan plan = plan("""
                cdk_app_config:
                  bootstrap: {execution_policy_arn: "arn:aws:iam::aws:policy/PowerUserAccess"}
                  pipeline:
                    account: "111111111111"
                    region: eu-west-1
                    bootstrap: {template: t.yaml, tags: {team: a}, kms_key: create, trust_for_lookup: ["222222222222"],
                                termination_protection: true}
                """, Map.of("t.yaml", CustomTemplateTest.TEMPLATE));
        String json = PlanJson.write(plan);
        String settings = json.substring(json.indexOf("    \"settings\""), json.indexOf("    \"bootstrapCommand\""));
        assertThat(settings).isEqualTo("""
                    "settings" : {
                      "trustForLookup" : [ "222222222222" ],
                      "terminationProtection" : true,
                      "tags" : {
                        "team" : "a"
                      },
                      "kmsKey" : "create",
                      "template" : {
                        "path" : "t.yaml",
                        "sha256" : "%s",
                        "variant" : "Team: hardened",
                        "version" : 33
                      }
                    },
                """.formatted(sha256(CustomTemplateTest.TEMPLATE)));
        assertThat(PlanJson.read(json)).isEqualTo(plan);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        assertThat(PlanJson.write(plan(CONFIG, Map.of("p.json", POLICY))))
                .isEqualTo(PlanJson.write(plan(CONFIG, Map.of("p.json", POLICY))));
    }

    @Test
    void thePlanJsonReadsBackIntoAnEqualPlan() {
        Plan plan = plan(CONFIG, Map.of("p.json", POLICY));
        assertThat(PlanJson.read(PlanJson.write(plan))).isEqualTo(plan);
    }
}
