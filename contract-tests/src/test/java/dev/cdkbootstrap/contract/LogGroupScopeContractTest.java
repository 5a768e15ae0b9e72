package dev.cdkbootstrap.contract;

import static dev.cdkbootstrap.contract.PolicyEvaluation.Decision.ALLOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.contract.PolicyEvaluation.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each function writes only to its own log group (and the build to its own): no role carries an AWS
 * managed policy such as AWSLambdaBasicExecutionRole (log writes to every group of the account), and no
 * role may write log events anywhere but the groups of what runs with it.
 */
class LogGroupScopeContractTest {
    private static final List<String> LOG_WRITES = List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents");

    private final ResolvedTemplate template = ResolvedTemplate.with();

    @Test
    void noRoleAttachesAnAwsManagedPolicy() {
        for (String role : template.ofType("AWS::IAM::Role")) {
            template.properties(role).path("ManagedPolicyArns").forEach(arn ->
                    assertThat(arn.asText()).as(role).doesNotContain(":iam::aws:policy/"));
        }
    }

    @Test
    void everyRoleWritesOnlyTheLogGroupsOfWhatRunsWithIt() {
        Map<String, List<String>> groupsByRole = new LinkedHashMap<>();
        for (String function : template.ofType("AWS::Serverless::Function")) {
            String group = template.raw().path("Resources").path(function).path("Properties").path("LoggingConfig").path("LogGroup")
                    .path("Ref").asText();
            groupsByRole.computeIfAbsent(template.roleOf(function), r -> new ArrayList<>()).add(template.arn(group));
        }
        String buildGroup = template.raw().path("Resources").path("BootstrapProject").path("Properties").path("LogsConfig")
                .path("CloudWatchLogs").path("GroupName").path("Ref").asText();
        groupsByRole.computeIfAbsent(template.roleOf("BootstrapProject"), r -> new ArrayList<>()).add(template.arn(buildGroup));
        assertThat(groupsByRole.get("PrepareTargetRole")).as("PrepareTarget and VerifyTarget share a role").hasSize(2);

        List<String> allGroups = template.ofType("AWS::Logs::LogGroup").stream().map(template::arn).toList();
        for (String role : template.ofType("AWS::IAM::Role")) {
            List<String> own = groupsByRole.getOrDefault(role, List.of());
            for (String group : allGroups) {
                for (String action : LOG_WRITES) {
                    String stream = group.replaceAll(":\\*$", "") + ":log-stream:2026/01/01/[$LATEST]abc";
                    boolean allowed = PolicyEvaluation.identity(template.statementsOf(role), Request.byRole(template.roleArn(role),
                            action, stream)) == ALLOW;
                    boolean expected = own.contains(group) && !action.equals("logs:CreateLogGroup");
                    assertThat(allowed).as(role + " " + action + " on " + group).isEqualTo(expected);
                }
            }
            for (String action : LOG_WRITES) {
                assertThat(PolicyEvaluation.identity(template.statementsOf(role), Request.byRole(template.roleArn(role), action,
                        "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/someone-else:log-stream:x")))
                        .as(role + " " + action + " on another group").isNotEqualTo(ALLOW);
            }
        }
    }

    @Test
    void noStatementGrantsEveryLogsAction() {
        for (String role : template.ofType("AWS::IAM::Role")) {
            for (JsonNode statement : template.statementsOf(role)) {
                PolicyEvaluation.list(statement.path("Action")).forEach(action ->
                        assertThat(action.asText()).as(role).isNotIn("logs:*", "*"));
            }
        }
    }
}
