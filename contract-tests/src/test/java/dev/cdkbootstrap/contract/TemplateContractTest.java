package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** template.yaml agrees with the code and the files it points to. */
class TemplateContractTest {
    private final JsonNode template = CloudFormationYaml.read(ProjectFiles.path("template.yaml"));

    @Test
    void everyFunctionHandlerResolvesToAStreamHandlerMethod() throws Exception {
        Map<String, JsonNode> functions = resourcesOfType("AWS::Serverless::Function");
        assertThat(functions).hasSize(10);
        for (var function : functions.entrySet()) {
            String handler = function.getValue().path("Properties").path("Handler").asText();
            assertThat(handler).as(function.getKey()).matches("dev\\.cdkbootstrap\\.handler\\.\\w+Handler::handleRequest");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            Method method = type.getMethod("handleRequest", InputStream.class, OutputStream.class, Context.class);
            assertThat(method.getReturnType()).as(handler).isEqualTo(void.class);
            assertThat(type.getConstructor()).as(handler + " needs a no-argument constructor for Lambda").isNotNull();
        }
    }

    @Test
    void functionsShareOneCodeUriRuntimeAndSnapStartAlias() {
        JsonNode globals = template.path("Globals").path("Function");
        assertThat(globals.path("CodeUri").asText()).isEqualTo("functions/");
        assertThat(globals.path("Runtime").asText()).isEqualTo("java21");
        assertThat(globals.path("Architectures").get(0).asText()).isEqualTo("arm64");
        assertThat(globals.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(globals.path("AutoPublishAlias").asText()).isEqualTo("live");
        resourcesOfType("AWS::Serverless::Function").forEach((name, function) ->
                assertThat(function.path("Properties").has("CodeUri")).as(name + " overrides CodeUri").isFalse());
    }

    @Test
    void inlineBuildSpecEqualsTheBuildspecFile() {
        JsonNode project = template.path("Resources").path("BootstrapProject");
        assertThat(project.path("Properties").path("Source").path("BuildSpec").asText())
                .isEqualTo(ProjectFiles.text("buildspec/bootstrap.yml"));
    }

    @Test
    void everyFunctionLogsToALogGroupWithRetention() {
        resourcesOfType("AWS::Serverless::Function").forEach((name, function) -> {
            JsonNode logGroupRef = function.path("Properties").path("LoggingConfig").path("LogGroup").path("Ref");
            assertThat(logGroupRef.isTextual()).as(name + " LoggingConfig.LogGroup").isTrue();
            JsonNode logGroup = template.path("Resources").path(logGroupRef.asText());
            assertThat(logGroup.path("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(logGroup.path("Properties").path("RetentionInDays").path("Ref").asText())
                    .isEqualTo("LogRetentionDays");
        });
    }

    @Test
    void noPolicyStatementAllowsEveryActionOrEveryServiceAction() {
        List<String> offenders = new ArrayList<>();
        collectWildcardActions(template.path("Resources"), "Resources", offenders);
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyFunctionTracesWithXRayActive() {
        String global = template.path("Globals").path("Function").path("Tracing").asText();
        resourcesOfType("AWS::Serverless::Function").forEach((name, function) -> {
            JsonNode own = function.path("Properties").path("Tracing");
            assertThat(own.isMissingNode() ? global : own.asText()).as(name + " Tracing").isEqualTo("Active");
        });
    }

    @Test
    void bootstrapProjectRunsTheBuildspecOnASmallLinuxImageWithAParameterTimeout() {
        JsonNode project = template.path("Resources").path("BootstrapProject").path("Properties");
        JsonNode environment = project.path("Environment");
        assertThat(environment.path("Type").asText()).isIn("ARM_CONTAINER", "LINUX_CONTAINER");
        assertThat(environment.path("ComputeType").asText()).isEqualTo("BUILD_GENERAL1_SMALL");
        assertThat(environment.path("Image").asText()).startsWith("aws/codebuild/amazonlinux");
        assertThat(project.path("Source").path("Type").asText()).isEqualTo("NO_SOURCE");
        assertThat(project.path("Source").path("BuildSpec").asText()).contains("cdk bootstrap");
        String timeout = project.path("TimeoutInMinutes").path("Ref").asText();
        assertThat(template.path("Parameters").has(timeout)).as("TimeoutInMinutes is !Ref to a parameter: " + timeout).isTrue();
        assertThat(timeout).isEqualTo("BuildDeadlineMinutes");
    }

    @Test
    void bootstrapProjectLogsToALogGroupWithRetention() {
        JsonNode logs = template.path("Resources").path("BootstrapProject").path("Properties")
                .path("LogsConfig").path("CloudWatchLogs");
        assertThat(logs.path("Status").asText()).isEqualTo("ENABLED");
        JsonNode logGroup = template.path("Resources").path(logs.path("GroupName").path("Ref").asText());
        assertThat(logGroup.path("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
        assertThat(logGroup.path("Properties").path("RetentionInDays").path("Ref").asText()).isEqualTo("LogRetentionDays");
    }

    /**
     * Trust policies (AssumeRolePolicyDocument) say who may assume a role, not what a role may assume.
     * LoadConfig assumes target roles only to ask which organization an account is in (role.yaml limits
     * its sessions to that).
     */
    @Test
    void onlyThePrepareTargetBuildAndLoadConfigRolesMayAssumeRolesAndOnlyTheTargetRole() {
        Map<String, JsonNode> grants = new java.util.TreeMap<>();
        collectAssumeRoleGrants(template.path("Resources"), "Resources", grants);
        assertThat(grants.keySet()).hasSize(3).allSatisfy(where -> assertThat(where)
                .matches("Resources\\.(PrepareTargetRole|BootstrapBuildRole|LoadConfigRole)\\.Properties\\.Policies.*"));
        assertThat(grants.keySet()).anyMatch(w -> w.startsWith("Resources.PrepareTargetRole."))
                .anyMatch(w -> w.startsWith("Resources.BootstrapBuildRole."))
                .anyMatch(w -> w.startsWith("Resources.LoadConfigRole."));
        grants.forEach((where, resource) -> assertThat(resource.toString()).as(where)
                .isEqualTo("{\"Fn::Sub\":\"arn:${AWS::Partition}:iam::*:role/${TargetRoleName}\"}"));
    }

    @Test
    void outputsHoldEveryNameTheOperatorDocsReferTo() {
        String docs = ProjectFiles.text("README.md") + ProjectFiles.text("docs/deploy.md");
        List<String> named = new ArrayList<>(List.of("ConfigBucketName", "StateMachineArn", "ReportTopicArn",
                "BootstrapProjectName", "BootstrapBuildLogGroupName", "PrepareTargetRoleName", "BootstrapBuildRoleName",
                "TargetRoleName", "OrchestratorAccountId"));
        // Placeholders such as <ConfigBucketName> or OutputKey=='StateMachineArn' in the docs.
        var placeholder = java.util.regex.Pattern.compile("<([A-Z]\\w*(?:Name|Arn|Id))(?: output)?>|OutputKey=='(\\w+)'").matcher(docs);
        while (placeholder.find()) {
            named.add(placeholder.group(1) != null ? placeholder.group(1) : placeholder.group(2));
        }
        JsonNode outputs = template.path("Outputs");
        for (String name : named) {
            assertThat(docs).as("the docs tell the operator about " + name).contains(name);
            assertThat(outputs.path(name).has("Value")).as("Outputs." + name).isTrue();
            assertThat(outputs.path(name).has("Condition")).as("Outputs." + name + " is always there").isFalse();
        }
    }

    private static void collectAssumeRoleGrants(JsonNode node, String where, Map<String, JsonNode> grants) {
        if (node.isObject()) {
            if ("Allow".equals(node.path("Effect").asText()) && !node.has("Principal")) {
                JsonNode actions = node.path("Action");
                for (JsonNode action : actions.isArray() ? actions : List.of(actions)) {
                    if (grantsAssumeRole(action.asText())) {
                        grants.put(where, node.path("Resource"));
                    }
                }
            }
            node.properties().forEach(e -> {
                if (!e.getKey().equals("AssumeRolePolicyDocument")) {
                    collectAssumeRoleGrants(e.getValue(), where + "." + e.getKey(), grants);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectAssumeRoleGrants(node.get(i), where + "[" + i + "]", grants);
            }
        }
    }

    /** IAM action globs: "*", "sts:*", "sts:Assume*", ... all grant sts:AssumeRole. */
    private static boolean grantsAssumeRole(String action) {
        String regex = java.util.regex.Pattern.quote(action.toLowerCase()).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return "sts:assumerole".matches(regex);
    }

    /** Allow statements only: the bucket's TLS-only Deny legitimately names s3:*. */
    private static void collectWildcardActions(JsonNode node, String where, List<String> offenders) {
        if (node.isObject()) {
            if (node.has("Effect") && "Allow".equals(node.path("Effect").asText())) {
                JsonNode actions = node.path("Action");
                for (JsonNode action : actions.isArray() ? actions : List.of(actions)) {
                    if (action.asText().equals("*") || action.asText().endsWith(":*")) {
                        offenders.add(where + ": " + action.asText());
                    }
                }
            }
            node.properties().forEach(e -> collectWildcardActions(e.getValue(), where + "." + e.getKey(), offenders));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectWildcardActions(node.get(i), where + "[" + i + "]", offenders);
            }
        }
    }

    private Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new java.util.LinkedHashMap<>();
        template.path("Resources").properties().forEach(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }
}
