package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.workflow.WaitPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-target path of statemachine/bootstrap.asl.json at scale: its wait loops stay inside the
 * history quota as WaitPolicy budgets them, every ended build is observed again, the Map's output
 * does not grow with the targets, and the role runs the Distributed Map as AWS documents it.
 */
class TargetPathContractTest {
    private final JsonNode definition = BootstrapStateMachine.definition();
    private final JsonNode stateMachine = BootstrapStateMachine.resource();

    /**
     * Waiting is done by the steps, not by Retry: each per-target step that may have to look again sets
     * {@code waiting}, and the loop is Task, Choice on $.waiting, Wait of $.waiting.seconds, back to the
     * Task. A round therefore costs Task (5 history events) + Choice (2) + Wait (2), the figure
     * WaitPolicy's caps are computed with (docs/workflow.md, "Waiting inside the history quota").
     */
    @Test
    void everyWaitLoopIsTaskChoiceWaitBackToTheTaskAsWaitPolicyBudgetsIt() {
        JsonNode states = definition.path("States").path("BootstrapTargets").path("ItemProcessor").path("States");
        Map<String, String> loops = Map.of("PrepareTarget", "WaitForToolkit", "StartBootstrap", "WaitToStart",
                "CheckBootstrap", "WaitForBuild", "VerifyTarget", "WaitToVerify");
        loops.forEach((taskName, waitName) -> {
            JsonNode choice = states.path(states.path(taskName).path("Next").asText());
            assertThat(choice.path("Type").asText()).as(taskName + " is followed by a Choice").isEqualTo("Choice");
            JsonNode rule = choice.path("Choices").get(0);
            assertThat(rule.path("Variable").asText()).as(taskName).isEqualTo("$.waiting");
            assertThat(rule.path("IsPresent").asBoolean()).as(taskName).isTrue();
            assertThat(rule.path("Next").asText()).as(taskName).isEqualTo(waitName);
            JsonNode wait = states.path(waitName);
            assertThat(wait.path("Type").asText()).isEqualTo("Wait");
            assertThat(wait.path("SecondsPath").asText()).isEqualTo("$.waiting.seconds");
            assertThat(wait.path("Next").asText()).as(waitName + " goes back to " + taskName).isEqualTo(taskName);
        });
        List<String> waits = new ArrayList<>();
        states.properties().forEach(e -> {
            if ("Wait".equals(e.getValue().path("Type").asText())) {
                waits.add(e.getKey());
            }
        });
        assertThat(waits).as("no wait outside the budgeted loops").containsExactlyInAnyOrderElementsOf(loops.values());
        int taskEvents = 5; // TaskStateEntered, TaskScheduled, TaskStarted, TaskSucceeded, TaskStateExited
        int choiceEvents = 2; // ChoiceStateEntered, ChoiceStateExited
        int waitEvents = 2; // WaitStateEntered, WaitStateExited
        assertThat(taskEvents + choiceEvents + waitEvents).isEqualTo(WaitPolicy.EVENTS_PER_ROUND);
        assertThat(WaitPolicy.WORST_CASE_EVENTS).isLessThanOrEqualTo(25_000);
    }

    @Test
    void aBuildThatEndedIsAlwaysObservedAgainBeforeItsResult() {
        JsonNode states = definition.path("States").path("BootstrapTargets").path("ItemProcessor").path("States");
        assertThat(states.path(states.path("CheckBootstrap").path("Next").asText()).path("Default").asText())
                .isEqualTo("VerifyTarget");
        assertThat(states.path(states.path("VerifyTarget").path("Next").asText()).path("Default").asText())
                .isEqualTo("RecordResult");
        JsonNode choose = states.path("ChooseAction");
        assertThat(choose.path("Default").asText()).as("SKIP and FAIL decisions").isEqualTo("RecordResult");
        assertThat(choose.toString()).contains("\"StringEquals\":\"BOOTSTRAP\"");
    }


    /**
     * Nothing that grows with the number of targets travels in a state's output: the children's outputs go
     * to S3 (ResultWriter) and each child's output is four short fields; the Map's own output is then the
     * same size for 10 or 10,000 targets (and discarded by ResultPath null).
     */
    @Test
    void theMapWritesItsChildrensOutputsToS3AndEachChildOutputsOnlyItsOutcome() {
        JsonNode map = definition.path("States").path("BootstrapTargets");
        JsonNode writer = map.path("ResultWriter");
        assertThat(writer.path("Resource").asText()).isEqualTo("arn:aws:states:::s3:putObject");
        assertThat(writer.path("Parameters").path("Bucket.$").asText()).isEqualTo("$.artifactBucket");
        assertThat(writer.path("Parameters").path("Prefix.$").asText()).contains("$.runFolder");
        JsonNode recordResult = map.path("ItemProcessor").path("States").path("RecordResult");
        assertThat(recordResult.path("End").asBoolean()).isTrue();
        assertThat(recordResult.has("OutputPath")).isFalse();
        List<String> fields = new ArrayList<>();
        recordResult.path("ResultSelector").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("account.$", "region.$", "outcome.$", "reasonCode.$");
    }

    /** As "IAM policies for using Distributed Map states" documents them, with the Map's label. */
    @Test
    void theRoleMayRunDescribeStopAndRedriveTheMapsChildrenAndWriteItsResults() {
        String label = definition.path("States").path("BootstrapTargets").path("Label").asText();
        String machine = "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:";
        Map<String, List<String>> grants = new LinkedHashMap<>();
        for (JsonNode policy : BootstrapStateMachine.role().path("Properties").path("Policies")) {
            for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                List<String> resources = new ArrayList<>();
                JsonNode resource = statement.path("Resource");
                (resource.isArray() ? resource : List.of(resource)).forEach(r -> resources.add(r.path("Fn::Sub").asText(r.asText())));
                JsonNode actions = statement.path("Action");
                (actions.isArray() ? actions : List.of(actions)).forEach(a ->
                        grants.computeIfAbsent(a.asText(), x -> new ArrayList<>()).addAll(resources));
            }
        }
        assertThat(grants.get("states:StartExecution")).contains(machine + "stateMachine:${AWS::StackName}-bootstrap");
        assertThat(grants.get("states:DescribeExecution")).contains(machine + "execution:${AWS::StackName}-bootstrap:*",
                machine + "execution:${AWS::StackName}-bootstrap/*");
        assertThat(grants.get("states:StopExecution")).contains(machine + "execution:${AWS::StackName}-bootstrap/*");
        assertThat(grants.get("states:RedriveExecution"))
                .containsExactly(machine + "execution:${AWS::StackName}-bootstrap/" + label + ":*");
        assertThat(grants.get("s3:PutObject")).contains("${ConfigBucket.Arn}/runs/*");
    }
}
