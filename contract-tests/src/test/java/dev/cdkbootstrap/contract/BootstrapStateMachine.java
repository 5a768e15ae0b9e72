package dev.cdkbootstrap.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.support.CloudFormationYaml;

/** The state machine as the contract tests read it: its ASL, its resource in template.yaml and that resource's role. */
final class BootstrapStateMachine {
    static final String DEFINITION = "statemachine/bootstrap.asl.json";

    private BootstrapStateMachine() {}

    /** statemachine/bootstrap.asl.json, parsed strictly. */
    static JsonNode definition() {
        return ProjectFiles.json(DEFINITION);
    }

    /** template.yaml's {@code BootstrapStateMachine} resource. */
    static JsonNode resource() {
        return template().path("Resources").path("BootstrapStateMachine");
    }

    /** The state machine's own role (its {@code Role: !GetAtt X.Arn}), as a template resource. */
    static JsonNode role() {
        String role = resource().path("Properties").path("Role").path("Fn::GetAtt").path(0).asText();
        return template().path("Resources").path(role);
    }

    private static JsonNode template() {
        return CloudFormationYaml.read(ProjectFiles.path("template.yaml"));
    }
}
