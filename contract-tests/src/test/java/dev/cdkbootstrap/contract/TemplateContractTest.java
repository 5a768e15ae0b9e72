package dev.cdkbootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
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
        assertThat(functions).hasSize(7);
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
