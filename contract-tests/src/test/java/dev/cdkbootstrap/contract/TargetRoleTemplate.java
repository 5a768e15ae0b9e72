package dev.cdkbootstrap.contract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdkbootstrap.sandbox.template.Intrinsics;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * target-account/role.yaml's TargetRole resolved as the StackSet would create it in account
 * {@value #ACCOUNT} for an orchestrator in 999999999999 (roles {@code o-prepare-target},
 * {@code o-bootstrap-build}, {@code o-load-config}), the other parameters at their defaults or as given.
 */
record TargetRoleTemplate(JsonNode properties) {
    static final String ACCOUNT = "222222222222";
    private static final ObjectMapper JSON = new ObjectMapper();

    static TargetRoleTemplate resolved(Map<String, String> overrides) {
        JsonNode template = CloudFormationYaml.read(ProjectFiles.path("target-account/role.yaml"));
        Map<String, String> parameters = new HashMap<>();
        template.path("Parameters").properties().forEach(p -> parameters.put(p.getKey(), p.getValue().path("Default").asText()));
        parameters.putAll(Map.of("AWS::AccountId", ACCOUNT, "AWS::Partition", "aws", "AWS::Region", "eu-west-1",
                "OrchestratorAccountId", "999999999999", "PrepareTargetRoleName", "o-prepare-target",
                "BootstrapBuildRoleName", "o-bootstrap-build", "LoadConfigRoleName", "o-load-config", "OrganizationId", "NONE"));
        parameters.putAll(overrides);
        Intrinsics intrinsics = new Intrinsics(parameters, JSON.convertValue(template.path("Conditions"), Map.class),
                id -> { throw new IllegalArgumentException("role.yaml refers to " + id); },
                (id, attribute) -> { throw new IllegalArgumentException("role.yaml refers to " + id + "." + attribute); });
        Object properties = intrinsics.resolve(JSON.convertValue(template.path("Resources").path("TargetRole").path("Properties"), Object.class));
        return new TargetRoleTemplate(JSON.valueToTree(properties));
    }

    String arn() {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + properties.path("RoleName").asText();
    }

    /** The statements of its inline policies. */
    List<JsonNode> statements() {
        List<JsonNode> statements = new ArrayList<>();
        properties.path("Policies").forEach(p -> p.path("PolicyDocument").path("Statement").forEach(statements::add));
        return statements;
    }

    /** The trust policy's answer to an AssumeRole request. */
    PolicyEvaluation.Decision trust(PolicyEvaluation.Request request) {
        return PolicyEvaluation.resourcePolicy(properties.path("AssumeRolePolicyDocument"), request);
    }
}
