package dev.cdkbootstrap.contract;

import static dev.cdkbootstrap.contract.PolicyEvaluation.Decision.ALLOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.contract.PolicyEvaluation.Request;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Confused deputy (IAM User Guide, "The confused deputy problem"): every role an AWS service assumes
 * names the account it acts for (aws:SourceAccount) and, where the service documents it, the one
 * resource it acts for (aws:SourceArn, built from names so that no reference is circular). Lambda's
 * trusts carry aws:SourceAccount only (template.yaml, FunctionRoleTrust). No role is left to SAM, whose
 * generated roles trust their service without a condition.
 */
class ServiceTrustContractTest {
    private final ResolvedTemplate template = ResolvedTemplate.with();

    @Test
    void everyServiceRoleIsOneOfTheTemplatesOwnWithTheSourceAccount() {
        Map<String, String> services = new LinkedHashMap<>();
        for (String role : template.ofType("AWS::IAM::Role")) {
            for (JsonNode statement : template.trustOf(role)) {
                JsonNode service = statement.path("Principal").path("Service");
                if (!service.isMissingNode()) {
                    services.put(role, service.asText());
                    assertThat(statement.path("Condition").path("StringEquals").path("aws:SourceAccount").asText()).as(role)
                            .isEqualTo(ResolvedTemplate.ACCOUNT);
                }
            }
        }
        assertThat(services).containsEntry("StateMachineRole", "states.amazonaws.com")
                .containsEntry("BootstrapBuildRole", "codebuild.amazonaws.com")
                .containsEntry("ConfigUploadedRuleRole", "events.amazonaws.com")
                .containsEntry("LoadConfigRole", "lambda.amazonaws.com");
    }

    @Test
    void theStateMachineCodeBuildAndEventBridgeRolesAreAssumedOnlyForTheirOwnResource() {
        String machine = "arn:aws:states:us-east-1:123456789012:stateMachine:sandbox-bootstrap";
        assertThat(template.ref("BootstrapStateMachine")).isEqualTo(machine);
        assertOnlyFor("StateMachineRole", "states.amazonaws.com", machine, machine + "-other");
        // The Distributed Map's children run under the qualified ARN <machine>/<map label>.
        assertOnlyFor("StateMachineRole", "states.amazonaws.com", machine + "/Targets", machine + "-other/Targets");
        assertThat(template.roleOf("BootstrapStateMachine")).isEqualTo("StateMachineRole");

        String project = template.arn("BootstrapProject");
        assertThat(project).isEqualTo("arn:aws:codebuild:us-east-1:123456789012:project/sandbox-bootstrap");
        assertOnlyFor("BootstrapBuildRole", "codebuild.amazonaws.com", project, project + "-other");
        assertThat(template.roleOf("BootstrapProject")).isEqualTo("BootstrapBuildRole");

        String rule = template.arn("ConfigUploadedRule");
        assertThat(rule).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/sandbox-config-uploaded");
        assertOnlyFor("ConfigUploadedRuleRole", "events.amazonaws.com", rule, "arn:aws:events:us-east-1:123456789012:rule/other");
        assertThat(template.properties("ConfigUploadedRule").path("Targets").get(0).path("RoleArn").asText())
                .isEqualTo(template.roleArn("ConfigUploadedRuleRole"));
    }

    @Test
    void functionRolesTrustLambdaForThisAccountOnly() {
        for (String function : template.ofType("AWS::Serverless::Function")) {
            String role = template.roleOf(function);
            Request lambda = Request.byService("lambda.amazonaws.com", "sts:AssumeRole", template.roleArn(role),
                    "arn:aws:lambda:us-east-1:123456789012:function:any", ResolvedTemplate.ACCOUNT);
            assertThat(trust(role, lambda)).as(function).isEqualTo(ALLOW);
            assertThat(trust(role, lambda.with("aws:SourceAccount", "999999999999"))).as(function).isNotEqualTo(ALLOW);
        }
    }

    @Test
    void samGeneratesNoRole() {
        JsonNode resources = template.raw().path("Resources");
        resources.properties().forEach(e -> {
            String type = e.getValue().path("Type").asText();
            JsonNode props = e.getValue().path("Properties");
            if (type.equals("AWS::Serverless::Function") || type.equals("AWS::Serverless::StateMachine")) {
                assertThat(props.path("Role").path("Fn::GetAtt").path(0).isTextual()).as(e.getKey() + " Role").isTrue();
                assertThat(props.has("Policies")).as(e.getKey() + " Policies (SAM would make a role)").isFalse();
            }
            if (type.equals("AWS::Serverless::StateMachine")) {
                assertThat(props.has("Events")).as(e.getKey() + ": SAM events make a role trusting events.amazonaws.com").isFalse();
            }
            if (type.equals("AWS::Serverless::Function")) {
                // EventBridgeRule events of a function get a Lambda permission with the rule's ARN, no role.
                props.path("Events").forEach(event -> assertThat(event.path("Type").asText()).isEqualTo("EventBridgeRule"));
            }
        });
    }

    @Test
    void theServicePrincipalsOfTheResourcePoliciesAreLimitedToThisAccountsResources() {
        for (JsonNode statement : List.of(template.properties("ReportTopicPolicy").path("PolicyDocument"),
                template.properties("ReportTopicKey").path("KeyPolicy"),
                template.properties("UndeliveredEventsQueuePolicy").path("PolicyDocument"))) {
            statement.path("Statement").forEach(s -> {
                if (s.path("Principal").has("Service")) {
                    JsonNode condition = s.path("Condition");
                    assertThat(condition.toString()).as(s.path("Sid").asText()).contains("aws:SourceArn");
                    assertThat(condition.toString()).as(s.path("Sid").asText()).contains(":" + ResolvedTemplate.ACCOUNT + ":");
                }
            });
        }
    }

    private void assertOnlyFor(String role, String service, String own, String other) {
        Request request = Request.byService(service, "sts:AssumeRole", template.roleArn(role), own, ResolvedTemplate.ACCOUNT);
        assertThat(trust(role, request)).as(role + " for " + own).isEqualTo(ALLOW);
        assertThat(trust(role, request.with("aws:SourceArn", other))).as(role + " for " + other).isNotEqualTo(ALLOW);
        assertThat(trust(role, request.with("aws:SourceAccount", "999999999999"))).as(role + " for another account").isNotEqualTo(ALLOW);
    }

    private PolicyEvaluation.Decision trust(String role, Request request) {
        return PolicyEvaluation.resourcePolicy(template.properties(role).path("AssumeRolePolicyDocument"), request);
    }
}
