package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.support.AslWalker;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** statemachine/bootstrap.asl.json agrees with template.yaml and with docs/contracts.md. */
class StateMachineContractTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final List<String> LAMBDA_SERVICE_ERRORS = List.of("Lambda.ServiceException",
            "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException");

    private final String definitionText = ProjectFiles.text(BootstrapStateMachine.DEFINITION);
    private final JsonNode definition = BootstrapStateMachine.definition();
    private final JsonNode stateMachine = BootstrapStateMachine.resource();
    private final JsonNode template = CloudFormationYaml.read(ProjectFiles.path("template.yaml"));

    @Test
    void everyPlaceholderHasASubstitutionAndEverySubstitutionIsUsed() {
        Set<String> placeholders = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(definitionText);
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        Set<String> substitutions = new TreeSet<>();
        stateMachine.path("Properties").path("DefinitionSubstitutions").fieldNames().forEachRemaining(substitutions::add);
        assertThat(placeholders).isNotEmpty().isEqualTo(substitutions);
        assertThat(stateMachine.path("Properties").path("DefinitionUri").asText())
                .isEqualTo("statemachine/bootstrap.asl.json");
    }

    @Test
    void everyInvokedFunctionIsAnAliasTheStateMachineRoleMayInvoke() {
        Map<String, JsonNode> tasks = lambdaTasks();
        assertThat(tasks.keySet()).containsExactlyInAnyOrder("LoadConfig", "PrepareTarget", "StartBootstrap",
                "CheckBootstrap", "VerifyTarget", "RecordResult", "Summarize", "ReviewChanges");
        List<JsonNode> invokable = invokableResources();
        for (var task : tasks.entrySet()) {
            String functionName = task.getValue().path("Parameters").path("FunctionName").asText();
            Matcher matcher = PLACEHOLDER.matcher(functionName);
            assertThat(matcher.matches()).as(task.getKey() + " FunctionName " + functionName).isTrue();
            JsonNode substitution = stateMachine.path("Properties").path("DefinitionSubstitutions").path(matcher.group(1));
            String ref = substitution.path("Ref").asText();
            assertThat(ref).as(task.getKey() + " calls a function alias").endsWith(".Alias");
            String function = ref.substring(0, ref.length() - ".Alias".length());
            assertThat(template.path("Resources").path(function).path("Type").asText())
                    .isEqualTo("AWS::Serverless::Function");
            assertThat(invokable).as(task.getKey() + ": lambda:InvokeFunction on " + ref).contains(substitution);
        }
    }

    @Test
    void everyLambdaTaskRetriesTheLambdaServiceErrors() {
        lambdaTasks().forEach((name, task) -> {
            List<String> retried = new ArrayList<>();
            task.path("Retry").forEach(r -> r.path("ErrorEquals").forEach(e -> retried.add(e.asText())));
            assertThat(retried).as(name).containsAll(LAMBDA_SERVICE_ERRORS);
        });
    }

    @Test
    void everyPerTargetTaskButRecordResultCatchesEverythingIntoRecordResult() {
        JsonNode states = definition.path("States").path("BootstrapTargets").path("ItemProcessor").path("States");
        for (String name : List.of("PrepareTarget", "StartBootstrap", "CheckBootstrap", "VerifyTarget")) {
            JsonNode catcher = states.path(name).path("Catch").path(0);
            assertThat(catcher.path("ErrorEquals").get(0).asText()).as(name).isEqualTo("States.ALL");
            assertThat(catcher.path("ResultPath").asText()).as(name).isEqualTo("$.error");
            assertThat(catcher.path("Next").asText()).as(name).isEqualTo("RecordResult");
        }
    }

    @Test
    void accessDeniedInATargetIsRetriedWithBackoffForTheNewAccountsRoleToArrive() {
        JsonNode states = definition.path("States").path("BootstrapTargets").path("ItemProcessor").path("States");
        assertBackoff(states, "PrepareTarget", "dev.cdkbootstrap.workflow.error.TargetAccessDenied");
        assertBackoff(states, "VerifyTarget", "dev.cdkbootstrap.workflow.error.TargetAccessDenied");
    }

    private static void assertBackoff(JsonNode states, String state, String error) {
        JsonNode retrier = null;
        for (JsonNode r : states.path(state).path("Retry")) {
            if (r.path("ErrorEquals").toString().contains("\"" + error + "\"")) {
                retrier = r;
            }
        }
        assertThat(retrier).as(state + " retries " + error).isNotNull();
        assertThat(retrier.path("IntervalSeconds").isNumber()).isTrue();
        assertThat(retrier.path("MaxAttempts").asInt()).isGreaterThan(1);
        assertThat(retrier.path("BackoffRate").asDouble()).isGreaterThan(1.0);
    }

    /**
     * Every Task has a catch-all, so no failure goes untold: per-target tasks record the target as
     * FAILED, top-level tasks notify and fail the run. The one exemption is RecordResult itself:
     * when it fails, Summarize reports that target as FAILED "no result recorded".
     */
    @Test
    void everyTaskButRecordResultCatchesEverything() {
        Map<String, JsonNode> tasks = new LinkedHashMap<>(AslWalker.states(definition));
        tasks.values().removeIf(state -> !"Task".equals(state.path("Type").asText()));
        assertThat(tasks).containsKeys("LoadConfig", "PrepareTarget", "StartBootstrap", "CheckBootstrap",
                "VerifyTarget", "RecordResult", "Summarize", "NotifyConfigInvalid", "NotifyRunFailed", "ReviewChanges",
                "AwaitApproval");
        tasks.forEach((name, task) -> {
            List<String> caught = new ArrayList<>();
            task.path("Catch").forEach(c -> c.path("ErrorEquals").forEach(e -> caught.add(e.asText())));
            if (name.equals("RecordResult")) {
                assertThat(caught).as(name).isEmpty();
            } else {
                assertThat(caught).as(name + " catches everything, last").endsWith("States.ALL");
            }
        });
    }

    /** Emulator adjustments live in the sandbox's deployment step (docs/sandbox.md), never in the product's ASL. */
    @Test
    void theDefinitionCarriesNothingForAnEmulator() {
        assertThat(definitionText.toLowerCase(java.util.Locale.ROOT)).doesNotContain("moto").doesNotContain("sandbox")
                .doesNotContain("localstack").doesNotContain("emulat");
    }

    @Test
    void theMapReadsTargetsFromS3AndToleratesEveryFailure() {
        JsonNode map = definition.path("States").path("BootstrapTargets");
        assertThat(map.path("ItemProcessor").path("ProcessorConfig").path("Mode").asText()).isEqualTo("DISTRIBUTED");
        assertThat(map.path("ItemReader").path("Resource").asText()).isEqualTo("arn:aws:states:::s3:getObject");
        assertThat(map.path("ItemReader").path("Parameters").path("Key.$").asText()).isEqualTo("$.itemsKey");
        assertThat(map.path("MaxConcurrencyPath").asText()).isEqualTo("$.maxConcurrency");
        assertThat(map.path("ToleratedFailurePercentage").asInt()).isEqualTo(100);
        assertThat(map.path("ResultPath").isNull()).isTrue();
        assertThat(map.path("ItemSelector")).isEqualTo(readJson("""
                {"run": {"runId.$": "$.runId", "dryRun.$": "$.dryRun", "artifactBucket.$": "$.artifactBucket",
                         "runFolder.$": "$.runFolder", "preview.$": "$.preview"},
                 "item.$": "$$.Map.Item.Value"}"""));
        assertThat(map.path("Next").asText()).isEqualTo("AfterTargets");
        // Even when the Map itself fails, the run ends with a report naming every target and the Map's
        // error (RunContext.mapFailure); the RunContext itself flows on.
        assertThat(map.path("Catch")).hasSize(1);
        JsonNode catcher = map.path("Catch").get(0);
        assertThat(catcher.path("ErrorEquals")).containsExactly(readJson("\"States.ALL\""));
        assertThat(catcher.path("ResultPath").asText()).isEqualTo("$.mapFailure");
        assertThat(catcher.path("Next").asText()).isEqualTo("Summarize");
    }

    /** Resources of every Allow statement granting lambda:InvokeFunction in the state machine role's policies. */
    private List<JsonNode> invokableResources() {
        List<JsonNode> resources = new ArrayList<>();
        for (JsonNode policy : BootstrapStateMachine.role().path("Properties").path("Policies")) {
            for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                JsonNode actions = statement.path("Action");
                boolean invoke = actions.isArray() ? actions.toString().contains("\"lambda:InvokeFunction\"")
                        : "lambda:InvokeFunction".equals(actions.asText());
                if (invoke && "Allow".equals(statement.path("Effect").asText())) {
                    JsonNode resource = statement.path("Resource");
                    (resource.isArray() ? resource : List.of(resource)).forEach(resources::add);
                }
            }
        }
        return resources;
    }

    /** Every Task state calling lambda:invoke, by name, including those inside the Map. */
    private Map<String, JsonNode> lambdaTasks() {
        Map<String, JsonNode> tasks = new LinkedHashMap<>(AslWalker.states(definition));
        tasks.values().removeIf(state -> !AslWalker.isLambdaInvoke(state));
        return tasks;
    }

    /** A JSON literal of a test (Json.strict(), as the functions read it). */
    private static JsonNode readJson(String text) {
        try {
            return Json.strict().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("not valid JSON: " + text, e);
        }
    }
}
