package dev.cdkbootstrap.contract;

import static dev.cdkbootstrap.contract.PolicyEvaluation.Decision.ALLOW;
import static dev.cdkbootstrap.contract.PolicyEvaluation.Decision.DENY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.contract.PolicyEvaluation.Request;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The report topic carries reports (and approval requests) people act on: only the application's
 * roles and this account's CloudWatch alarms publish, only this account's principals subscribe, and
 * the topic's key lets the alarms publish (a customer managed key: the AWS managed one cannot).
 */
class ReportTopicPolicyContractTest {
    private final ResolvedTemplate template = ResolvedTemplate.with();
    private final String topic = template.ref("ReportTopic");
    private final JsonNode policy = template.properties("ReportTopicPolicy").path("PolicyDocument");
    private final String alarm = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:sandbox-undelivered-events";

    @Test
    void thePolicyIsTheTopicsOwn() {
        assertThat(template.properties("ReportTopicPolicy").path("Topics")).containsExactly(
                com.fasterxml.jackson.databind.node.TextNode.valueOf(topic));
    }

    @Test
    void onlyThisAccountsPrincipalsSubscribe() {
        assertThat(decision("arn:aws:iam::123456789012:role/Operator", "sns:Subscribe")).isNotEqualTo(DENY);
        assertThat(decision("arn:aws:iam::999999999999:role/Operator", "sns:Subscribe")).isEqualTo(DENY);
        assertThat(decision("arn:aws:iam::999999999999:root", "sns:Subscribe")).isEqualTo(DENY);
    }

    @Test
    void onlyTheApplicationsPublishingRolesPublish() {
        assertThat(decision(template.roleArn("SummarizeRole"), "sns:Publish")).isNotEqualTo(DENY);
        assertThat(decision(template.roleArn("StateMachineRole"), "sns:Publish")).isNotEqualTo(DENY);
        assertThat(decision("arn:aws:iam::123456789012:role/Administrator", "sns:Publish")).as("a fake report").isEqualTo(DENY);
        assertThat(decision(template.roleArn("LoadConfigRole"), "sns:Publish")).as("a role that does not publish").isEqualTo(DENY);
        assertThat(decision("arn:aws:iam::999999999999:role/Anyone", "sns:Publish")).isEqualTo(DENY);
    }

    /** The roles let through are exactly the roles whose own policies publish to the topic. */
    @Test
    void thePublishersLetThroughAreTheRolesWhosePoliciesPublish() {
        Set<String> granted = new TreeSet<>();
        Set<String> letThrough = new TreeSet<>();
        for (String role : template.ofType("AWS::IAM::Role")) {
            Request publish = Request.byRole(template.roleArn(role), "sns:Publish", topic);
            if (PolicyEvaluation.identity(template.statementsOf(role), publish) == ALLOW) {
                granted.add(role);
            }
            if (PolicyEvaluation.resourcePolicy(policy, publish) != DENY) {
                letThrough.add(role);
            }
        }
        assertThat(letThrough).isEqualTo(granted).containsExactly("RequestApprovalRole", "StateMachineRole", "SummarizeRole");
    }

    @Test
    void thisAccountsAlarmsPublishAndNoOtherService() {
        assertThat(service("cloudwatch.amazonaws.com", alarm, "123456789012")).isEqualTo(ALLOW);
        assertThat(service("cloudwatch.amazonaws.com", "arn:aws:cloudwatch:us-east-1:999999999999:alarm:x", "999999999999"))
                .as("another account's alarm").isNotEqualTo(ALLOW);
        assertThat(service("cloudwatch.amazonaws.com", "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:x", "123456789012"))
                .as("an alarm of another region").isNotEqualTo(ALLOW);
        assertThat(service("events.amazonaws.com", "arn:aws:events:us-east-1:123456789012:rule/x", "123456789012"))
                .isNotEqualTo(ALLOW);
    }

    @Test
    void theTopicsKeyIsCustomerManagedRotatedAndLetsThisAccountsAlarmsUseIt() {
        JsonNode key = template.properties("ReportTopicKey");
        assertThat(template.raw().path("Resources").path("ReportTopic").path("Properties").path("KmsMasterKeyId").path("Ref").asText())
                .isEqualTo("ReportTopicKey");
        assertThat(key.path("EnableKeyRotation").asBoolean()).isTrue();
        JsonNode keyPolicy = key.path("KeyPolicy");
        for (String action : new String[] {"kms:Decrypt", "kms:GenerateDataKey"}) {
            assertThat(PolicyEvaluation.resourcePolicy(keyPolicy, Request.byService("cloudwatch.amazonaws.com", action, "*", alarm,
                    "123456789012"))).as(action).isEqualTo(ALLOW);
            assertThat(PolicyEvaluation.resourcePolicy(keyPolicy, Request.byService("cloudwatch.amazonaws.com", action, "*",
                    "arn:aws:cloudwatch:us-east-1:999999999999:alarm:x", "999999999999"))).as(action).isNotEqualTo(ALLOW);
        }
        assertThat(PolicyEvaluation.resourcePolicy(keyPolicy, Request.byRole("arn:aws:iam::999999999999:role/x", "kms:Decrypt", "*")))
                .isNotEqualTo(ALLOW);
    }

    @Test
    void everyPublisherMayEncryptWithTheTopicsKey() {
        String keyArn = template.arn("ReportTopicKey");
        for (String role : new String[] {"SummarizeRole", "RequestApprovalRole", "StateMachineRole"}) {
            for (String action : new String[] {"kms:GenerateDataKey", "kms:Decrypt"}) {
                assertThat(PolicyEvaluation.identity(template.statementsOf(role), Request.byRole(template.roleArn(role), action, keyArn)))
                        .as(role + " " + action).isEqualTo(ALLOW);
            }
        }
    }

    private PolicyEvaluation.Decision decision(String principal, String action) {
        return PolicyEvaluation.resourcePolicy(policy, Request.byRole(principal, action, topic));
    }

    private PolicyEvaluation.Decision service(String service, String sourceArn, String sourceAccount) {
        return PolicyEvaluation.resourcePolicy(policy, Request.byService(service, "sns:Publish", topic, sourceArn, sourceAccount));
    }
}
