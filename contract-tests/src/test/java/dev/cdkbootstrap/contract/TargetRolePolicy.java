package dev.cdkbootstrap.contract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdkbootstrap.sandbox.template.Intrinsics;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Allow and Deny statements of target-account/role.yaml's inline policy, resolved for one qualifier
 * and account (other parameters at their defaults unless given), with a small IAM evaluation: an action
 * on a resource is allowed when some Allow statement matches and no Deny does.
 */
record TargetRolePolicy(List<JsonNode> statements) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static TargetRolePolicy read(String qualifier, String account) {
        return read(qualifier, account, Map.of());
    }

    /** {@code parameters}: role.yaml parameter values over the defaults (e.g. ToolkitPermissionsBoundary). */
    static TargetRolePolicy read(String qualifier, String account, Map<String, String> parameterValues) {
        JsonNode template = CloudFormationYaml.read(ProjectFiles.path("target-account/role.yaml"));
        Map<String, String> parameters = new HashMap<>();
        template.path("Parameters").properties().forEach(p -> parameters.put(p.getKey(), p.getValue().path("Default").asText()));
        parameters.putAll(Map.of("Qualifier", qualifier, "AWS::AccountId", account, "AWS::Partition", "aws",
                "OrchestratorAccountId", "999999999999", "PrepareTargetRoleName", "o-prepare-target",
                "BootstrapBuildRoleName", "o-bootstrap-build"));
        parameters.putAll(parameterValues);
        Intrinsics intrinsics = new Intrinsics(parameters, JSON.convertValue(template.path("Conditions"), Map.class),
                id -> { throw new IllegalArgumentException("role.yaml policy refers to " + id); },
                (id, attribute) -> { throw new IllegalArgumentException("role.yaml policy refers to " + id); });
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy : template.path("Resources").path("TargetRole").path("Properties").path("Policies")) {
            Object resolved = intrinsics.resolve(JSON.convertValue(policy.path("PolicyDocument").path("Statement"), Object.class));
            JSON.valueToTree(resolved).forEach(statements::add);
        }
        return new TargetRolePolicy(statements);
    }

    /** IAM evaluation without conditions: some Allow grants it and no Deny takes it away. */
    boolean allows(String action, String arn) {
        return matching("Allow", action, arn, null) && !matching("Deny", action, arn, null);
    }

    /**
     * IAM evaluation with these request context keys (absent keys are absent from the request): the
     * condition operators role.yaml uses are evaluated; any other fails the test rather than pass it.
     */
    boolean allows(String action, String arn, Map<String, String> context) {
        return matching("Allow", action, arn, context) && !matching("Deny", action, arn, context);
    }

    private boolean matching(String effect, String action, String arn, Map<String, String> context) {
        return statements.stream().anyMatch(s -> effect.equals(s.path("Effect").asText())
                && any(s.path("Action"), action, true) && any(s.path("Resource"), arn, false)
                && (context == null || conditionsHold(s.path("Condition"), context)));
    }

    private static boolean conditionsHold(JsonNode condition, Map<String, String> context) {
        for (var operator : condition.properties()) {
            for (var key : operator.getValue().properties()) {
                String value = context.get(key.getKey());
                boolean equal = false;
                for (JsonNode wanted : key.getValue().isArray() ? key.getValue() : List.of(key.getValue())) {
                    equal |= wanted.asText().equals(value);
                }
                boolean holds = switch (operator.getKey()) {
                    case "StringEquals", "ArnEquals", "ForAnyValue:StringEquals" -> equal;
                    // A multi-valued key: holds when every value is listed, so also when there is none.
                    case "ForAllValues:StringEquals" -> value == null || equal;
                    // IAM: a negated operator holds when the key is absent from the request.
                    case "StringNotEquals", "ArnNotEquals" -> !equal;
                    default -> throw new IllegalStateException("condition operator " + operator.getKey() + " is not evaluated here");
                };
                if (!holds) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean any(JsonNode patterns, String value, boolean ignoreCase) {
        for (JsonNode pattern : patterns.isArray() ? patterns : List.of(patterns)) {
            String regex = Pattern.quote(pattern.asText()).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            if (Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }
}
