package dev.cdkbootstrap.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * IAM policy evaluation for the policy elements and condition operators the templates use, so that a
 * contract test can ask "is this request denied?" instead of comparing JSON. Rules (IAM User Guide,
 * "Policy evaluation logic" and "IAM JSON policy elements: Condition operators"): an explicit Deny wins
 * over an Allow; a statement without Resource (a trust policy's) applies to its role; Action, Resource and ArnLike/StringLike values match with {@code *} and {@code ?}
 * (actions case-insensitively); ArnEquals behaves as ArnLike; several keys or operators of one
 * Condition must all hold, several values of one key are alternatives; a key absent from the request
 * makes a positive operator false and a negated one ({@code ...Not...}) true, and an {@code ...IfExists}
 * operator true. Not covered (and not used): Null, numeric and date operators, ForAllValues/ForAnyValue,
 * policy variables.
 */
final class PolicyEvaluation {
    enum Decision { ALLOW, DENY, NOT_APPLICABLE }

    /**
     * One request: {@code principal} is an IAM ARN ({@code arn:aws:iam::<account>:role/x}) or a service
     * principal ({@code service:cloudwatch.amazonaws.com}); {@code context} holds the condition keys.
     */
    record Request(String principal, String action, String resource, Map<String, String> context) {
        Request with(String key, String value) {
            Map<String, String> more = new HashMap<>(context);
            more.put(key, value);
            return new Request(principal, action, resource, more);
        }

        Request on(String otherAction, String otherResource) {
            return new Request(principal, otherAction, otherResource, context);
        }

        /** An IAM role of {@code account} calling over TLS, with the context keys IAM sets for it. */
        static Request byRole(String roleArn, String action, String resource) {
            String account = roleArn.split(":")[4];
            return new Request(roleArn, action, resource, Map.of("aws:PrincipalArn", roleArn, "aws:PrincipalAccount", account,
                    "aws:PrincipalIsAWSService", "false", "aws:SecureTransport", "true"));
        }

        /** An AWS service principal acting for a resource ({@code aws:SourceArn}) of {@code sourceAccount}. */
        static Request byService(String service, String action, String resource, String sourceArn, String sourceAccount) {
            return new Request("service:" + service, action, resource, Map.of("aws:SourceArn", sourceArn,
                    "aws:SourceAccount", sourceAccount, "aws:PrincipalIsAWSService", "true", "aws:SecureTransport", "true"));
        }
    }

    private PolicyEvaluation() {}

    /** A resource-based policy document (statements with a Principal). */
    static Decision resourcePolicy(JsonNode document, Request request) {
        return decide(list(document.path("Statement")), request, true);
    }

    /** The statements of a principal's own policies (no Principal element). */
    static Decision identity(List<JsonNode> statements, Request request) {
        return decide(statements, request, false);
    }

    private static Decision decide(List<JsonNode> statements, Request request, boolean withPrincipal) {
        boolean allowed = false;
        for (JsonNode statement : statements) {
            if (applies(statement, request, withPrincipal)) {
                if ("Deny".equals(statement.path("Effect").asText())) {
                    return Decision.DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.NOT_APPLICABLE;
    }

    private static boolean applies(JsonNode statement, Request request, boolean withPrincipal) {
        if (withPrincipal && !principalMatches(statement.path("Principal"), request.principal())) {
            return false;
        }
        boolean action = statement.has("NotAction") ? !anyGlob(statement.path("NotAction"), request.action(), true)
                : anyGlob(statement.path("Action"), request.action(), true);
        // A trust policy has no Resource: its resource is the role it is attached to.
        boolean resource = statement.has("NotResource") ? !anyGlob(statement.path("NotResource"), request.resource(), false)
                : !statement.has("Resource") || anyGlob(statement.path("Resource"), request.resource(), false);
        return action && resource && conditionsHold(statement.path("Condition"), request.context());
    }

    private static boolean principalMatches(JsonNode principal, String requester) {
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        for (JsonNode aws : list(principal.path("AWS"))) {
            String expected = aws.asText();
            if (expected.equals("*") || expected.equals(requester)
                    || expected.endsWith(":root") && requester.startsWith("arn:") && expected.split(":")[4].equals(requester.split(":")[4])) {
                return true;
            }
        }
        return list(principal.path("Service")).stream().anyMatch(s -> ("service:" + s.asText()).equals(requester));
    }

    private static boolean conditionsHold(JsonNode condition, Map<String, String> context) {
        for (var operator : condition.properties()) {
            for (var key : operator.getValue().properties()) {
                if (!holds(operator.getKey(), key.getKey(), key.getValue(), context)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean holds(String operator, String key, JsonNode expected, Map<String, String> context) {
        boolean ifExists = operator.endsWith("IfExists");
        String base = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
        boolean negated = base.contains("Not");
        String actual = context.get(key);
        if (actual == null) {
            return ifExists || negated;
        }
        boolean any = list(expected).stream().anyMatch(value -> switch (base.replace("Not", "")) {
            case "StringEquals" -> value.asText().equals(actual);
            case "StringLike", "ArnLike", "ArnEquals" -> glob(value.asText(), false).matcher(actual).matches();
            case "Bool" -> value.asText().equalsIgnoreCase(actual);
            default -> throw new IllegalArgumentException("PolicyEvaluation does not know the operator " + operator);
        });
        return negated != any;
    }

    private static boolean anyGlob(JsonNode patterns, String value, boolean ignoreCase) {
        return list(patterns).stream().anyMatch(p -> glob(p.asText(), ignoreCase).matcher(value).matches());
    }

    private static Pattern glob(String pattern, boolean ignoreCase) {
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }

    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            items.add(node);
        }
        return items;
    }
}
