package dev.cdkbootstrap.contract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdkbootstrap.sandbox.deploy.SamApplication;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * template.yaml with its intrinsics resolved for one set of parameter values, as a deployment named
 * {@code sandbox} in account {@value #ACCOUNT} would see it (the sandbox's resolver, so names and ARNs
 * are the ones the offline runs use): resource properties, roles' statements, which role a function
 * or project runs with.
 */
final class ResolvedTemplate {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String ORGANIZATION = "o-exampleorg1";
    static final String PUBLISHERS = "arn:aws:iam::123456789012:role/ci-*,arn:aws:iam::123456789012:user/release-manager";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SamApplication app;
    private final JsonNode raw = CloudFormationYaml.read(ProjectFiles.path("template.yaml"));

    private ResolvedTemplate(Map<String, String> parameters) {
        this.app = new SamApplication(ProjectFiles.path("template.yaml"), ACCOUNT, REGION, parameters);
    }

    /** The required parameters (an organization, two publishers) and {@code overrides}; the rest default. */
    static ResolvedTemplate with(String... overrides) {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("OrganizationId", ORGANIZATION, "ConfigPublisherArns", PUBLISHERS));
        for (int i = 0; i < overrides.length; i += 2) {
            parameters.put(overrides[i], overrides[i + 1]);
        }
        return new ResolvedTemplate(parameters);
    }

    /** The template as written (intrinsics unresolved, long form). */
    JsonNode raw() {
        return raw;
    }

    /** Logical ids of the resources of {@code type} that exist with these parameters. */
    List<String> ofType(String type) {
        return app.resourcesOfType(type);
    }

    JsonNode properties(String logicalId) {
        return JSON.valueToTree(app.intrinsics().resolve(app.properties(logicalId)));
    }

    String roleArn(String roleId) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + app.physicalName(roleId);
    }

    String arn(String logicalId) {
        return app.intrinsics().string(Map.of("Fn::GetAtt", List.of(logicalId, "Arn")));
    }

    String ref(String logicalId) {
        return app.intrinsics().string(Map.of("Ref", logicalId));
    }

    /** The function's environment (Globals, then its own), resolved. */
    Map<String, String> environment(String functionId) {
        return app.functionEnvironment(functionId);
    }

    /** The logical id of the role a function, state machine or CodeBuild project runs with. */
    String roleOf(String logicalId) {
        JsonNode props = raw.path("Resources").path(logicalId).path("Properties");
        JsonNode role = props.has("ServiceRole") ? props.path("ServiceRole") : props.path("Role");
        return role.path("Fn::GetAtt").path(0).asText();
    }

    /** Every statement of the role's inline policies and of the template's managed policies it attaches. */
    List<JsonNode> statementsOf(String roleId) {
        JsonNode role = properties(roleId);
        List<JsonNode> statements = new ArrayList<>();
        role.path("Policies").forEach(p -> p.path("PolicyDocument").path("Statement").forEach(statements::add));
        for (JsonNode managed : role.path("ManagedPolicyArns")) {
            String id = ofType("AWS::IAM::ManagedPolicy").stream().filter(m -> ref(m).equals(managed.asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(roleId + " attaches " + managed + ", not a policy of the template"));
            properties(id).path("PolicyDocument").path("Statement").forEach(statements::add);
        }
        return statements;
    }

    /** The role's trust policy statements. */
    List<JsonNode> trustOf(String roleId) {
        return PolicyEvaluation.list(properties(roleId).path("AssumeRolePolicyDocument").path("Statement"));
    }
}
