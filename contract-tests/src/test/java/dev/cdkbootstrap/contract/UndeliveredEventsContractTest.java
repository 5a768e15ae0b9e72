package dev.cdkbootstrap.contract;

import static dev.cdkbootstrap.contract.PolicyEvaluation.Decision.ALLOW;
import static dev.cdkbootstrap.contract.PolicyEvaluation.Decision.DENY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.contract.PolicyEvaluation.Request;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An event a rule cannot deliver (a config upload, a new account) is not lost silently: every rule
 * retries, then puts it in an encrypted dead-letter queue kept 14 days that only these rules may send
 * to, and an alarm on that queue tells the report topic.
 */
class UndeliveredEventsContractTest {
    private final ResolvedTemplate template = ResolvedTemplate.with();
    private final String queueArn = template.arn("UndeliveredEventsQueue");

    @Test
    void theQueueIsEncryptedAndKeepsEventsFourteenDays() {
        JsonNode queue = template.properties("UndeliveredEventsQueue");
        assertThat(queue.path("SqsManagedSseEnabled").asBoolean() || queue.has("KmsMasterKeyId")).isTrue();
        assertThat(queue.path("MessageRetentionPeriod").asInt()).isEqualTo(14 * 24 * 3600);
    }

    @Test
    void everyRuleRetriesAndThenUsesTheQueue() {
        List<JsonNode> targets = ruleTargets(template);
        assertThat(targets).hasSize(3);
        for (JsonNode target : targets) {
            assertThat(target.path("DeadLetterConfig").path("Arn").asText()).as(target.toString()).isEqualTo(queueArn);
            assertThat(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt()).isPositive();
            assertThat(target.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt()).isPositive();
        }
    }

    @Test
    void onlyTheseRulesMaySendToTheQueue() {
        for (String handleNewAccounts : List.of("true", "false")) {
            ResolvedTemplate variant = ResolvedTemplate.with("HandleNewAccounts", handleNewAccounts);
            JsonNode policy = variant.properties("UndeliveredEventsQueuePolicy").path("PolicyDocument");
            List<String> rules = ruleNames(variant);
            assertThat(rules).hasSize(handleNewAccounts.equals("true") ? 3 : 1);
            for (String rule : rules) {
                String ruleArn = "arn:aws:events:us-east-1:123456789012:rule/" + rule;
                assertThat(send(policy, ruleArn, "123456789012")).as(ruleArn).isEqualTo(ALLOW);
            }
            assertThat(send(policy, "arn:aws:events:us-east-1:123456789012:rule/other", "123456789012")).isNotEqualTo(ALLOW);
            assertThat(send(policy, "arn:aws:events:us-east-1:999999999999:rule/sandbox-config-uploaded", "999999999999"))
                    .isNotEqualTo(ALLOW);
            assertThat(PolicyEvaluation.resourcePolicy(policy, Request.byService("events.amazonaws.com", "sqs:SendMessage", queueArn,
                    "arn:aws:events:us-east-1:123456789012:rule/" + rules.get(0), "123456789012").with("aws:SecureTransport", "false")))
                    .as("without TLS").isEqualTo(DENY);
        }
    }

    @Test
    void anAlarmOnTheQueueNotifiesTheReportTopic() {
        JsonNode alarm = template.properties("UndeliveredEventsAlarm");
        assertThat(alarm.path("Namespace").asText()).isEqualTo("AWS/SQS");
        assertThat(alarm.path("MetricName").asText()).isEqualTo("ApproximateNumberOfMessagesVisible");
        assertThat(alarm.path("Dimensions")).hasSize(1);
        assertThat(alarm.path("Dimensions").get(0).path("Name").asText()).isEqualTo("QueueName");
        assertThat(alarm.path("Dimensions").get(0).path("Value").asText()).isEqualTo(queueArn.substring(queueArn.lastIndexOf(':') + 1));
        assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
        assertThat(alarm.path("Threshold").asDouble()).isEqualTo(0.0);
        assertThat(alarm.path("TreatMissingData").asText()).isEqualTo("notBreaching");
        assertThat(alarm.path("AlarmActions").get(0).asText()).isEqualTo(template.ref("ReportTopic"));
        assertThat(alarm.path("AlarmActions")).hasSize(1);
    }

    @Test
    void theQueueUrlIsAnOutput() {
        assertThat(template.raw().path("Outputs").path("UndeliveredEventsQueueUrl").path("Value").path("Ref").asText())
                .isEqualTo("UndeliveredEventsQueue");
    }

    private PolicyEvaluation.Decision send(JsonNode policy, String ruleArn, String account) {
        return PolicyEvaluation.resourcePolicy(policy, Request.byService("events.amazonaws.com", "sqs:SendMessage", queueArn, ruleArn, account));
    }

    /** The targets of every rule: plain AWS::Events::Rule resources and the functions' EventBridgeRule events. */
    private static List<JsonNode> ruleTargets(ResolvedTemplate template) {
        List<JsonNode> targets = new ArrayList<>();
        template.ofType("AWS::Events::Rule").forEach(rule -> template.properties(rule).path("Targets").forEach(targets::add));
        for (String function : template.ofType("AWS::Serverless::Function")) {
            template.properties(function).path("Events").forEach(event -> targets.add(event.path("Properties")));
        }
        return targets;
    }

    private static List<String> ruleNames(ResolvedTemplate template) {
        List<String> names = new ArrayList<>();
        template.ofType("AWS::Events::Rule").forEach(rule -> names.add(template.properties(rule).path("Name").asText()));
        for (String function : template.ofType("AWS::Serverless::Function")) {
            template.properties(function).path("Events").forEach(event -> {
                String name = event.path("Properties").path("RuleName").asText();
                assertThat(name).as(function + ": a rule named, so that the queue policy can name it").isNotEmpty();
                names.add(name);
            });
        }
        return names;
    }
}
