package dev.cdkbootstrap.plan;

import static dev.cdkbootstrap.plan.Planning.POLICY;
import static dev.cdkbootstrap.plan.Planning.compact;
import static dev.cdkbootstrap.plan.Planning.errors;
import static dev.cdkbootstrap.plan.Planning.plan;
import static dev.cdkbootstrap.plan.Planning.planned;
import static dev.cdkbootstrap.plan.Planning.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.plan.ExecutionPolicy.Origin;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The execution-policy rules of docs/config.md ("Execution policies") and the union rule for shared targets. */
class ExecutionPolicyTest {

    private static String pipelineWith(String bootstrap) {
        return """
                cdk_app_config:
                  app_prefix: acme
                  pipeline:
                    account: "111111111111"
                    region: eu-west-1
                    bootstrap: %s
                """.formatted(bootstrap);
    }

    @Test
    void aPolicyFileBecomesAPolicyNamedPerRegionInTheTargetAccount() {
        PlannedConfig planned = planned(pipelineWith("{execution_policy_filepath: policies/exec.json}"),
                Map.of("policies/exec.json", POLICY));
        ExecutionPolicy policy = planned.plan().targets().get(0).executionPolicies().get(0);
        assertThat(policy).isEqualTo(new ExecutionPolicy("arn:aws:iam::111111111111:policy/acme-exec-eu-west-1",
                Origin.FILE, "policies/exec.json"));
        assertThat(planned.policyDocuments()).containsExactly(Map.entry("policies/exec.json", POLICY));
        assertThat(planned.plan().warnings()).isEmpty();
    }

    @Test
    void oneFileUsedInTwoRegionsOfOneAccountGivesTwoDistinctPolicyNames() {
        Plan plan = plan(pipelineWith("{execution_policy_filepath: exec.json}") + """
                  deployments:
                    - set_name: a
                      stages:
                        - {stage_name: dev, account: "111111111111", region: us-east-1,
                           bootstrap: {execution_policy_filepath: ./exec.json}}
                """, Map.of("exec.json", POLICY));
        assertThat(plan.targets()).extracting(t -> t.executionPolicies().get(0).arn()).containsExactly(
                "arn:aws:iam::111111111111:policy/acme-exec-eu-west-1",
                "arn:aws:iam::111111111111:policy/acme-exec-us-east-1");
    }

    @Test
    void anArnIsUsedAsIs() {
        Plan plan = plan(pipelineWith("{execution_policy_arn: 'arn:aws:iam::aws:policy/PowerUserAccess'}"));
        assertThat(plan.targets().get(0).executionPolicies()).containsExactly(
                new ExecutionPolicy("arn:aws:iam::aws:policy/PowerUserAccess", Origin.ARN, null));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void aFileWithTheDefaultNameBesideTheConfigIsUsedWhenNothingIsGiven() {
        PlannedConfig planned = planned(pipelineWith("{}"),
                Map.of("execution_policy_111111111111_eu-west-1.json", POLICY));
        assertThat(planned.plan().targets().get(0).executionPolicies()).containsExactly(new ExecutionPolicy(
                "arn:aws:iam::111111111111:policy/acme-exec-eu-west-1", Origin.DEFAULT_FILE,
                "execution_policy_111111111111_eu-west-1.json"));
        assertThat(planned.policyDocuments()).containsOnlyKeys("execution_policy_111111111111_eu-west-1.json");
    }

    @Test
    void theDefaultFileNameUsesTheInheritedRegionOfARegionLessStage() {
        Plan plan = plan(pipelineWith("{}") + """
                  deployments:
                    - set_name: a
                      default_region: us-east-2
                      stages: [{stage_name: dev, account: "222222222222"}]
                """, Map.of("execution_policy_222222222222_us-east-2.json", POLICY));
        assertThat(target(plan, "222222222222", "us-east-2").executionPolicies().get(0).origin())
                .isEqualTo(Origin.DEFAULT_FILE);
    }

    @Test
    void withoutAnyPolicyTheTargetGetsAdministratorAccessAndTheWarningNamesIt() {
        Plan plan = plan(pipelineWith("{}"));
        assertThat(plan.targets().get(0).executionPolicies()).containsExactly(
                new ExecutionPolicy("arn:aws:iam::aws:policy/AdministratorAccess", Origin.DEFAULT, null));
        assertThat(plan.warnings()).containsExactly("111111111111/eu-west-1: no execution policy given (pipeline); "
                + "using arn:aws:iam::aws:policy/AdministratorAccess. Set execution_policy_filepath or "
                + "execution_policy_arn, or add execution_policy_111111111111_eu-west-1.json beside the config file");
    }

    @Test
    void aMissingPolicyFileIsAnErrorNotAFallback() {
        assertThat(compact(errors(pipelineWith("{execution_policy_filepath: nope.json}"),
                Map.of("execution_policy_111111111111_eu-west-1.json", POLICY)))).containsExactly(
                "6:44 cdk_app_config.pipeline.bootstrap.execution_policy_filepath: policy file \"nope.json\" "
                        + "not found in the folder that holds cdk-app.yml");
    }

    @Test
    void aPolicyFileThatIsNotAnIamPolicyDocumentIsAnError() {
        String yaml = pipelineWith("{execution_policy_filepath: p.json}");
        assertThat(compact(errors(yaml, Map.of("p.json", "{\"Statement\": []}")))).singleElement().asString()
                .endsWith("policy file \"p.json\" is not an IAM policy document: \"Version\" must be \"2012-10-17\"");
        assertThat(compact(errors(yaml, Map.of("p.json", "{\"Version\": \"2012-10-17\"}")))).singleElement().asString()
                .endsWith("\"Statement\" must be an object or a non-empty list of objects");
        assertThat(compact(errors(yaml, Map.of("p.json", "[1, 2]")))).singleElement().asString()
                .endsWith("expected a JSON object with Version and Statement");
        assertThat(compact(errors(yaml, Map.of("p.json", "{\"Version\": ")))).singleElement().asString()
                .contains("policy file \"p.json\" is not valid JSON (line 1, column 13)");
    }

    @Test
    void anInvalidDefaultNamedFileIsAnErrorAtThePlaceThatUsesIt() {
        assertThat(compact(errors(pipelineWith("{}"), Map.of("execution_policy_111111111111_eu-west-1.json", "{}"))))
                .containsExactly("4:5 cdk_app_config.pipeline: policy file "
                        + "\"execution_policy_111111111111_eu-west-1.json\" (found beside cdk-app.yml and used by default "
                        + "for 111111111111/eu-west-1) is not an IAM policy document: \"Version\" must be \"2012-10-17\"");
    }

    @Test
    void aPolicyLargerThanIamAllowsIsAnError() {
        String big = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", "
                + "\"Resource\": \"" + "x".repeat(7000) + "\"}}";
        assertThat(compact(errors(pipelineWith("{execution_policy_filepath: p.json}"), Map.of("p.json", big))))
                .singleElement().asString().contains("IAM allows 6144 for a managed policy");
    }

    @Test
    void anArnOfAnotherPartitionOrAccountIsAnError() {
        assertThat(compact(errors(pipelineWith("{execution_policy_arn: 'arn:aws-cn:iam::aws:policy/X'}"))))
                .containsExactly("6:39 cdk_app_config.pipeline.bootstrap.execution_policy_arn: policy ARN is in "
                        + "partition aws-cn but 111111111111/eu-west-1 is in aws");
        assertThat(compact(errors(pipelineWith("{execution_policy_arn: 'arn:aws:iam::222222222222:policy/X'}"))))
                .containsExactly("6:39 cdk_app_config.pipeline.bootstrap.execution_policy_arn: policy ARN belongs to "
                        + "account 222222222222; target 111111111111/eu-west-1 can only use its own account's policies "
                        + "or AWS managed ones");
    }

    @Test
    void theSameFileFromSeveralPlacesIsOnePolicy() {
        PlannedConfig planned = planned(pipelineWith("{execution_policy_filepath: exec.json}") + """
                  deployments:
                    - set_name: a
                      stages: [{stage_name: dev, account: "111111111111", bootstrap: {execution_policy_filepath: exec.json}}]
                    - set_name: b
                      stages: [{stage_name: dev, account: "111111111111"}]
                """, Map.of("exec.json", POLICY));
        Target t = planned.plan().targets().get(0);
        assertThat(t.sources()).containsExactly("pipeline", "a/dev", "b/dev");
        // pipeline and a/dev name the same file: one policy. b/dev names none: its default joins the union.
        assertThat(t.executionPolicies()).containsExactly(
                new ExecutionPolicy("arn:aws:iam::111111111111:policy/acme-exec-eu-west-1", Origin.FILE, "exec.json"),
                new ExecutionPolicy("arn:aws:iam::aws:policy/AdministratorAccess", Origin.DEFAULT, null));
        assertThat(planned.plan().warnings()).singleElement().asString().startsWith("111111111111/eu-west-1: "
                + "arn:aws:iam::aws:policy/AdministratorAccess is added to the execution policies of pipeline, a/dev: none is"
                + " given in b/dev (");
    }

    @Test
    void differentFilesForOneTargetAreAnErrorNamingBothPlaces() {
        assertThat(compact(errors(pipelineWith("{execution_policy_filepath: a.json}") + """
                  deployments:
                    - set_name: s
                      stages:
                        - stage_name: dev
                          account: "111111111111"
                          bootstrap: {execution_policy_filepath: b.json}
                """, Map.of("a.json", POLICY, "b.json", POLICY)))).containsExactly(
                "12:50 cdk_app_config.deployments[0].stages[0].bootstrap.execution_policy_filepath: target "
                        + "111111111111/eu-west-1 gets policy file \"b.json\" here (s/dev) but \"a.json\" from pipeline at "
                        + "cdk-app.yml:6:44 (cdk_app_config.pipeline.bootstrap.execution_policy_filepath); both would be "
                        + "the one IAM policy arn:aws:iam::111111111111:policy/acme-exec-eu-west-1: use the same file");
    }

    @Test
    void aDefaultNamedFileBesideAnotherFileForTheSameTargetIsAConflict() {
        assertThat(compact(errors(pipelineWith("{execution_policy_filepath: exec.json}") + """
                  deployments:
                    - set_name: b
                      stages: [{stage_name: dev, account: "111111111111"}]
                """, Map.of("exec.json", POLICY, "execution_policy_111111111111_eu-west-1.json", POLICY))))
                .singleElement().asString().startsWith("9:16 cdk_app_config.deployments[0].stages[0]: target "
                        + "111111111111/eu-west-1 gets policy file \"execution_policy_111111111111_eu-west-1.json\" here "
                        + "(b/dev) but \"exec.json\" from pipeline at cdk-app.yml:6:44");
    }

    @Test
    void policiesOfSeveralSourcesAreUnitedSortedAndDeduplicated() {
        Plan plan = plan(pipelineWith("{execution_policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess'}") + """
                  deployments:
                    - set_name: a
                      stages: [{stage_name: dev, account: "111111111111", bootstrap: {execution_policy_filepath: x.json}}]
                    - set_name: b
                      stages: [{stage_name: dev, account: "111111111111",
                                bootstrap: {execution_policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess'}}]
                """, Map.of("x.json", POLICY));
        assertThat(plan.targets().get(0).executionPolicies()).extracting(ExecutionPolicy::arn).containsExactly(
                "arn:aws:iam::111111111111:policy/acme-exec-eu-west-1", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    }

    @Test
    void aDefaultFromOneSourceIsUnitedWithAnExplicitPolicyOfAnotherAndWarned() {
        Plan plan = plan(pipelineWith("{execution_policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess'}") + """
                  deployments:
                    - set_name: a
                      stages: [{stage_name: dev, account: "111111111111"}]
                """);
        assertThat(plan.targets().get(0).executionPolicies()).extracting(ExecutionPolicy::arn).containsExactly(
                "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(plan.targets().get(0).executionPolicies()).extracting(ExecutionPolicy::origin)
                .containsExactly(ExecutionPolicy.Origin.DEFAULT, ExecutionPolicy.Origin.ARN);
        assertThat(plan.warnings()).containsExactly("111111111111/eu-west-1: arn:aws:iam::aws:policy/AdministratorAccess"
                + " is added to the execution policies of pipeline: none is given in a/dev (a target gets the union of its"
                + " places' policies); set execution_policy_filepath or execution_policy_arn there to avoid it");
    }
}
