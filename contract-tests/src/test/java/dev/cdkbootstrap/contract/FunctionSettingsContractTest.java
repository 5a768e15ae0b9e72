package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.handler.FunctionSettings;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The functions' settings record and template.yaml give every variable the same default: a variable
 * the template sets to a constant, or to a parameter with a {@code Default}, has exactly that value in
 * {@link FunctionSettings#DEFAULTS}, and every default there is one the template gives (both ways, so
 * a default changed on one side only fails here).
 */
class FunctionSettingsContractTest {
    private final JsonNode template = CloudFormationYaml.read(ProjectFiles.path("template.yaml"));

    @Test
    void theRecordsDefaultsAreTheTemplates() {
        Map<String, String> templateDefaults = new TreeMap<>();
        for (JsonNode variables : environments()) {
            variables.properties().forEach(e -> {
                if (FunctionSettings.VARIABLES.contains(e.getKey())) {
                    defaultOf(e.getValue()).ifPresent(d -> {
                        String earlier = templateDefaults.put(e.getKey(), d);
                        assertThat(earlier).as(e.getKey() + " has one default across the functions").isIn(null, d);
                    });
                }
            });
        }
        assertThat(templateDefaults).containsEntry("POWERTOOLS_METRICS_NAMESPACE", "CdkBootstrapOrchestrator")
                .containsEntry("BUILD_DEADLINE_MINUTES", "30");
        assertThat(new TreeMap<>(FunctionSettings.DEFAULTS)).isEqualTo(templateDefaults);
    }

    @Test
    void everyVariableTheTemplateSetsForTheFunctionsIsReadByTheRecord() {
        List<String> unread = new ArrayList<>();
        for (JsonNode variables : environments()) {
            variables.fieldNames().forEachRemaining(name -> {
                if (!FunctionSettings.VARIABLES.contains(name) && !name.equals("POWERTOOLS_SERVICE_NAME")) {
                    unread.add(name);
                }
            });
        }
        assertThat(unread).as("variables set in template.yaml that no setting reads").isEmpty();
    }

    @Test
    void aSettingThatDoesNotParseNamesTheVariable() {
        assertThat(FunctionSettings.from(Map.of()).buildDeadlineMinutes()).isEqualTo(30);
        assertThat(FunctionSettings.from(Map.of("BUILD_DEADLINE_MINUTES", " ")).buildDeadlineMinutes()).isEqualTo(30);
        assertThatThrownBy(() -> FunctionSettings.from(Map.of("BUILD_POLL_SECONDS", "soon")))
                .hasMessage("environment variable BUILD_POLL_SECONDS is not a number: soon");
        assertThatThrownBy(() -> FunctionSettings.from(Map.of("ALLOW_MANAGEMENT_ACCOUNT", "yes")))
                .hasMessage("environment variable ALLOW_MANAGEMENT_ACCOUNT is not true or false: yes");
    }

    /** Globals.Function's variables and every function's own. */
    private List<JsonNode> environments() {
        List<JsonNode> environments = new ArrayList<>();
        environments.add(template.path("Globals").path("Function").path("Environment").path("Variables"));
        template.path("Resources").forEach(resource -> {
            if (resource.path("Type").asText().equals("AWS::Serverless::Function")) {
                environments.add(resource.path("Properties").path("Environment").path("Variables"));
            }
        });
        return environments;
    }

    /** A constant's text, or the Default of the parameter a {@code Ref} names; empty for anything else. */
    private Optional<String> defaultOf(JsonNode value) {
        if (value.isValueNode()) {
            return Optional.of(value.asText());
        }
        JsonNode parameter = template.path("Parameters").path(value.path("Ref").asText());
        return parameter.has("Default") ? Optional.of(parameter.path("Default").asText()) : Optional.empty();
    }
}
