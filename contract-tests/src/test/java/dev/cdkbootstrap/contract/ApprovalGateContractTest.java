package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The approval gate's states and parameters (docs/workflow.md, "Approval"). */
class ApprovalGateContractTest {
    private final JsonNode states = ProjectFiles.json("statemachine/bootstrap.asl.json").path("States");
    private final JsonNode template = CloudFormationYaml.read(ProjectFiles.path("template.yaml"));

    @Test
    void aPreviewIsReviewedAndOnlyAPendingReviewWaitsBeforeTheRealPass() {
        assertThat(states.path("BootstrapTargets").path("Next").asText()).isEqualTo("AfterTargets");
        JsonNode after = states.path("AfterTargets");
        assertThat(after.path("Choices").get(0).path("Variable").asText()).isEqualTo("$.preview");
        assertThat(after.path("Choices").get(0).path("Next").asText()).isEqualTo("ReviewChanges");
        assertThat(after.path("Default").asText()).isEqualTo("Summarize");
        assertThat(states.path("ReviewChanges").path("Next").asText()).isEqualTo("ApprovalNeeded");
        JsonNode needed = states.path("ApprovalNeeded");
        assertThat(needed.path("Choices").get(0).path("Variable").asText()).isEqualTo("$.approval.status");
        assertThat(needed.path("Choices").get(0).path("StringEquals").asText()).isEqualTo("PENDING");
        assertThat(needed.path("Choices").get(0).path("Next").asText()).isEqualTo("AwaitApproval");
        assertThat(needed.path("Default").asText()).isEqualTo("BootstrapTargets");
    }

    @Test
    void awaitingApprovalWaitsForATaskTokenAndAnyFailureOrTimeoutIsARejectionThatIsReported() {
        JsonNode await = states.path("AwaitApproval");
        assertThat(await.path("Resource").asText()).isEqualTo("arn:aws:states:::lambda:invoke.waitForTaskToken");
        assertThat(await.path("Parameters").path("Payload").path("taskToken.$").asText()).isEqualTo("$$.Task.Token");
        assertThat(await.path("TimeoutSecondsPath").asText()).isEqualTo("$.approval.timeoutSeconds");
        assertThat(await.path("ResultPath").asText()).isEqualTo("$.approval.answer");
        assertThat(await.path("Next").asText()).isEqualTo("BootstrapTargets");
        assertThat(await.path("Retry").get(0).path("ErrorEquals")).extracting(JsonNode::asText)
                .contains("Lambda.ServiceException", "Lambda.TooManyRequestsException").doesNotContain("States.Timeout");
        JsonNode catcher = await.path("Catch").get(0);
        assertThat(catcher.path("ErrorEquals").get(0).asText()).isEqualTo("States.ALL");
        assertThat(catcher.path("ResultPath").asText()).isEqualTo("$.approval.rejection");
        assertThat(catcher.path("Next").asText()).isEqualTo("Summarize");
    }

    @Test
    void thePreviewIsADryRunOfEveryTarget() {
        JsonNode map = states.path("BootstrapTargets");
        assertThat(map.path("ItemSelector").path("run").path("preview.$").asText()).isEqualTo("$.preview");
        List<String> toResult = new ArrayList<>();
        map.path("ItemProcessor").path("States").path("ChooseAction").path("Choices").forEach(c -> {
            if (c.path("Next").asText().equals("RecordResult")) {
                toResult.add(c.path("Variable").asText());
            }
        });
        assertThat(toResult).containsExactly("$.run.dryRun", "$.run.preview");
    }

    @Test
    void theModeAndTimeoutAreParametersEveryFunctionSeesAndTheStateMachineMayInvokeTheGate() {
        JsonNode parameters = template.path("Parameters");
        assertThat(parameters.path("ApprovalRequiredFor").path("Default").asText()).isEqualTo("none");
        assertThat(parameters.path("ApprovalRequiredFor").path("AllowedValues")).extracting(JsonNode::asText)
                .containsExactly("none", "trust-widening", "any-change");
        var hours = java.util.regex.Pattern.compile(parameters.path("ApprovalTimeoutHours").path("AllowedPattern").asText());
        assertThat(List.of("1", "24", "99", "100", "719", "720")).allMatch(h -> hours.matcher(h).matches());
        assertThat(List.of("0", "1.5", "721", "1000", "-1", "", "024")).noneMatch(h -> hours.matcher(h).matches());
        JsonNode env = template.path("Globals").path("Function").path("Environment").path("Variables");
        assertThat(env.path("APPROVAL_REQUIRED_FOR").path("Ref").asText()).isEqualTo("ApprovalRequiredFor");
        assertThat(env.path("APPROVAL_TIMEOUT_HOURS").path("Ref").asText()).isEqualTo("ApprovalTimeoutHours");
        String machine = template.path("Resources").path("BootstrapStateMachine").toString();
        assertThat(machine).contains("ReviewChangesFunction.Alias").contains("RequestApprovalFunction.Alias");
        String request = template.path("Resources").path("RequestApprovalRole").path("Properties")
                .path("Policies").toString();
        assertThat(request).contains("runs/*/approval/request.json").contains("sns:Publish");
    }
}
