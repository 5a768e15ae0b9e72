package dev.cdkbootstrap.contract;

import static dev.cdkbootstrap.contract.PolicyEvaluation.Decision.ALLOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.contract.PolicyEvaluation.Request;
import dev.cdkbootstrap.handler.LoadConfigHandler;
import dev.cdkbootstrap.handler.TestContext;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.deploy.TemplateParameters;
import dev.cdkbootstrap.workflow.Guardrails;
import dev.cdkbootstrap.workflow.LoadConfigStep;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.ExecutionInput;
import dev.cdkbootstrap.workflow.model.LoadConfigInput;
import dev.cdkbootstrap.workflow.model.RunContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scheduled reconciliation (docs/workflow.md, "Scheduled reconciliation"): ReconcileSchedule (empty by
 * default: nothing is deployed) makes an EventBridge Scheduler schedule start a run of the latest config,
 * with an execution input LoadConfig accepts; ReconcileMode report makes it a dry run. Its role may only
 * start that state machine and keep an undelivered start in the dead-letter queue, and only the schedule
 * group of this stack may assume it; its retries and dead-letter queue are those of the rules that start runs.
 */
class ScheduledReconcileContractTest {
    private static final String DAILY = "rate(1 day)";
    private final TemplateParameters parameters = TemplateParameters.of(ProjectFiles.path("template.yaml"));
    private final ResolvedTemplate report = ResolvedTemplate.with("ReconcileSchedule", DAILY);

    @Test
    void theScheduleIsOffByDefaultAndTakesRateOrCronExpressions() {
        assertThat(parameters.defaultOf("ReconcileSchedule")).contains("");
        for (String value : List.of("", "rate(1 day)", "rate(7 days)", "rate(12 hours)", "rate(30 minutes)", "rate(1 minute)",
                "cron(0 6 * * ? *)", "cron(15 2 ? * MON-FRI *)", "cron(0/30 8-17 1,15 * ? 2027)")) {
            assertThat(parameters.problem("ReconcileSchedule", value)).as(value).isEmpty();
        }
        for (String value : List.of("daily", "rate(0 days)", "rate(1 week)", "rate(1day)", "rate(-1 days)", " rate(1 day)",
                "rate(1 day) ", "cron(0 6 * * ?)", "cron(0 6 * * ? * *)", "cron()", "at(2027-01-01T00:00:00)",
                "rate(1 day)\nrate(2 days)")) {
            assertThat(parameters.problem("ReconcileSchedule", value)).as(value + " must be refused").isPresent();
        }
    }

    @Test
    void theModeIsReportByDefaultOrApply() {
        assertThat(parameters.defaultOf("ReconcileMode")).contains("report");
        assertThat(parameters.problem("ReconcileMode", "apply")).isEmpty();
        for (String value : List.of("", "dry-run", "Report", "APPLY")) {
            assertThat(parameters.problem("ReconcileMode", value)).as(value).isPresent();
        }
    }

    @Test
    void withoutAScheduleNothingOfItIsDeployed() {
        ResolvedTemplate off = ResolvedTemplate.with("ReconcileMode", "apply");
        assertThat(off.ofType("AWS::Scheduler::Schedule")).isEmpty();
        assertThat(off.ofType("AWS::Scheduler::ScheduleGroup")).isEmpty();
        assertThat(off.ofType("AWS::IAM::Role")).doesNotContain("ReconcileScheduleRole");
    }

    @Test
    void theScheduleStartsTheStateMachineOnTheExpressionInItsOwnGroup() {
        assertThat(report.ofType("AWS::Scheduler::Schedule")).containsExactly("ReconcileRunSchedule");
        JsonNode schedule = report.properties("ReconcileRunSchedule");
        assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo(DAILY);
        assertThat(schedule.path("State").asText()).isEqualTo("ENABLED");
        assertThat(schedule.path("FlexibleTimeWindow").path("Mode").asText()).isEqualTo("OFF");
        assertThat(schedule.path("GroupName").asText()).isEqualTo(report.ref("ReconcileScheduleGroup"))
                .isEqualTo("sandbox-reconcile");
        assertThat(schedule.path("Target").path("Arn").asText()).isEqualTo(report.ref("BootstrapStateMachine"));
        assertThat(schedule.path("Target").path("RoleArn").asText()).isEqualTo(report.roleArn("ReconcileScheduleRole"));
    }

    @Test
    void reportModeStartsAScheduledDryRunOfTheLatestConfigAndApplyModeAScheduledRun() throws Exception {
        ExecutionInput dry = input(report);
        assertThat(dry).isEqualTo(new ExecutionInput(null, null, null, null, true, "schedule", null));
        ExecutionInput apply = input(ResolvedTemplate.with("ReconcileSchedule", DAILY, "ReconcileMode", "apply"));
        assertThat(apply).isEqualTo(new ExecutionInput(null, null, null, null, null, "schedule", null));
        assertThat(apply.isDryRun()).isFalse();
    }

    /** events/'s sample is what the schedule sends, and LoadConfig's handler runs it: the latest config, as a dry run. */
    @Test
    void theEventsSampleIsTheReportModeInputAndLoadConfigRunsIt() throws Exception {
        byte[] sample = java.nio.file.Files.readAllBytes(ProjectFiles.path("events/execution-input-schedule-report.json"));
        assertThat(Json.strict().readValue(sample, ExecutionInput.class)).isEqualTo(input(report));
        InMemoryObjectStore store = new InMemoryObjectStore().put("config-bucket", "cdk-app.yml", java.nio.file.Files.readString(
                ProjectFiles.path("contract-tests/src/test/resources/single-set.yml")), "v2");
        LoadConfigHandler handler = new LoadConfigHandler(new LoadConfigStep(store,
                new LoadConfigStep.Settings("config-bucket", "cdk-app.yml", "runs/", 10), Guardrails.none()));
        byte[] payload = Json.strict().writeValueAsBytes(new LoadConfigInput(Json.strict().readValue(sample,
                ExecutionInput.class), "scheduled-1"));
        java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();

        handler.handleRequest(new java.io.ByteArrayInputStream(payload), output, new TestContext("contract-test"));

        RunContext run = Json.strict().readValue(output.toByteArray(), RunContext.class);
        assertThat(run.trigger()).isEqualTo("schedule");
        assertThat(run.dryRun()).isTrue();
        assertThat(run.config().versionId()).as("the latest version, as read").isEqualTo("v2");
        assertThat(run.counts().planned()).isEqualTo(4);
    }

    @Test
    void anUndeliveredStartIsRetriedLikeTheRulesThenKeptInTheDeadLetterQueue() {
        JsonNode target = report.properties("ReconcileRunSchedule").path("Target");
        JsonNode uploadRule = report.properties("ConfigUploadedRule").path("Targets").get(0);
        assertThat(target.path("RetryPolicy")).isEqualTo(uploadRule.path("RetryPolicy"));
        assertThat(target.path("DeadLetterConfig").path("Arn").asText()).isEqualTo(report.arn("UndeliveredEventsQueue"));
        assertThat(report.raw().path("Resources").path("UndeliveredEventsAlarm").path("Properties")
                .path("AlarmDescription").asText()).contains("reconcile schedule");
    }

    @Test
    void theRoleMayOnlyStartTheStateMachineAndSendToTheDeadLetterQueue() {
        String role = report.roleArn("ReconcileScheduleRole");
        List<JsonNode> statements = report.statementsOf("ReconcileScheduleRole");
        assertThat(statements).hasSize(2);
        String machine = report.ref("BootstrapStateMachine");
        String queue = report.arn("UndeliveredEventsQueue");
        assertThat(PolicyEvaluation.identity(statements, Request.byRole(role, "states:StartExecution", machine))).isEqualTo(ALLOW);
        assertThat(PolicyEvaluation.identity(statements, Request.byRole(role, "sqs:SendMessage", queue))).isEqualTo(ALLOW);
        for (Request other : List.of(Request.byRole(role, "states:StartExecution", machine + "-other"),
                Request.byRole(role, "states:StopExecution", machine.replace(":stateMachine:", ":execution:") + ":run-1"),
                Request.byRole(role, "states:SendTaskSuccess", machine),
                Request.byRole(role, "sqs:SendMessage", queue + "-other"),
                Request.byRole(role, "sqs:ReceiveMessage", queue),
                Request.byRole(role, "sts:AssumeRole", "arn:aws:iam::111111111111:role/cdk-bootstrap-orchestrator-target"))) {
            assertThat(PolicyEvaluation.identity(statements, other)).as(other.action() + " " + other.resource()).isNotEqualTo(ALLOW);
        }
    }

    @Test
    void onlyThisStacksScheduleGroupOfThisAccountMayAssumeTheRole() {
        String group = report.arn("ReconcileScheduleGroup");
        assertThat(group).isEqualTo("arn:aws:scheduler:us-east-1:123456789012:schedule-group/sandbox-reconcile");
        JsonNode trust = report.properties("ReconcileScheduleRole").path("AssumeRolePolicyDocument");
        Request scheduler = Request.byService("scheduler.amazonaws.com", "sts:AssumeRole",
                report.roleArn("ReconcileScheduleRole"), group, ResolvedTemplate.ACCOUNT);
        assertThat(PolicyEvaluation.resourcePolicy(trust, scheduler)).isEqualTo(ALLOW);
        assertThat(PolicyEvaluation.resourcePolicy(trust, scheduler.with("aws:SourceArn",
                "arn:aws:scheduler:us-east-1:123456789012:schedule-group/default"))).isNotEqualTo(ALLOW);
        assertThat(PolicyEvaluation.resourcePolicy(trust, scheduler.with("aws:SourceAccount", "999999999999")))
                .isNotEqualTo(ALLOW);
        Request events = Request.byService("events.amazonaws.com", "sts:AssumeRole", report.roleArn("ReconcileScheduleRole"),
                group, ResolvedTemplate.ACCOUNT);
        assertThat(PolicyEvaluation.resourcePolicy(trust, events)).as("another service").isNotEqualTo(ALLOW);
    }

    /** The schedule's Input as Step Functions hands it to LoadConfig: the strict reader of the execution input. */
    private static ExecutionInput input(ResolvedTemplate template) throws Exception {
        String text = template.properties("ReconcileRunSchedule").path("Target").path("Input").asText();
        return Json.strict().readValue(text, ExecutionInput.class);
    }
}
