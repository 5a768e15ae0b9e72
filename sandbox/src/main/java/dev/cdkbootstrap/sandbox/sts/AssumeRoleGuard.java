package dev.cdkbootstrap.sandbox.sts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.front.CallerAccounts;
import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.Route;
import dev.cdkbootstrap.sandbox.organizations.EmulatedOrganization;
import dev.cdkbootstrap.sandbox.organizations.OrganizationEmulation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What moto does not check on {@code sts:AssumeRole}: the role must exist in the target account and,
 * when its trust policy has an {@code sts:ExternalId} condition, the caller's ExternalId must match.
 * Otherwise the caller gets STS's AccessDenied (403, query-protocol XML), as in AWS. With an emulated
 * organization, the {@code aws:ResourceOrgID} condition template.yaml puts on the orchestrator's
 * AssumeRole permission is emulated too: a role in an account outside the organization is denied.
 * Principals, {@code aws:PrincipalOrgID} and other conditions are NOT evaluated. Allowed calls go on to moto.
 */
public final class AssumeRoleGuard implements Route {
    private static final Pattern ROLE_ARN = Pattern.compile("^arn:[a-z-]+:iam::(\\d{12}):role/(?:.*/)?([^/]+)$");
    private static final Pattern TRUST = Pattern.compile("<AssumeRolePolicyDocument>(.*?)</AssumeRolePolicyDocument>",
            Pattern.DOTALL);

    private final OrganizationEmulation organizations;
    private final CallerAccounts callers;

    /** Role and ExternalId checks only. */
    public AssumeRoleGuard() {
        this(null, null);
    }

    /** Also {@code aws:ResourceOrgID} whenever {@code organizations} emulates one; callers name the caller. */
    public AssumeRoleGuard(OrganizationEmulation organizations, CallerAccounts callers) {
        this.organizations = organizations;
        this.callers = callers;
    }

    @Override
    public Optional<Reply> handle(Exchange exchange, MotoForwarder moto) throws Exception {
        if (!"POST".equals(exchange.method()) && !"GET".equals(exchange.method())) {
            return Optional.empty();
        }
        Map<String, String> params = exchange.formParameters();
        if (!"AssumeRole".equals(params.get("Action"))) {
            return Optional.empty();
        }
        String roleArn = params.getOrDefault("RoleArn", "");
        Matcher arn = ROLE_ARN.matcher(roleArn);
        String caller = callers == null ? "123456789012" : callers.accountOf(exchange);
        if (!arn.matches()) {
            return Optional.of(denied(caller, roleArn, "not a role ARN"));
        }
        Optional<EmulatedOrganization> org = organizations == null ? Optional.empty() : organizations.organization();
        if (org.isPresent() && !org.get().isMember(arn.group(1))) {
            organizations.noticeOnce("ResourceOrgID", "AssumeRole into " + arn.group(1) + " denied: the account is"
                    + " outside the emulated organization " + org.get().id() + " and the orchestrator's permission has"
                    + " the condition aws:ResourceOrgID = " + org.get().id() + " (IAM evaluation emulated)");
            return Optional.of(denied(caller, roleArn, "aws:ResourceOrgID: account " + arn.group(1)
                    + " is not in organization " + org.get().id()));
        }
        Reply role = moto.query("iam", "us-east-1", arn.group(1),
                Map.of("Action", "GetRole", "Version", "2010-05-08", "RoleName", arn.group(2)));
        if (role.status() != 200) {
            return Optional.of(denied(caller, roleArn, "the role does not exist in account " + arn.group(1)));
        }
        Optional<String> required = requiredExternalId(role.bodyText());
        String given = params.get("ExternalId");
        if (required.isPresent() && !required.get().equals(given)) {
            return Optional.of(denied(caller, roleArn, given == null ? "ExternalId missing" : "ExternalId does not match"));
        }
        return Optional.empty();
    }

    /** The {@code sts:ExternalId} a role's trust policy requires, if any (StringEquals condition). */
    static Optional<String> requiredExternalId(String getRoleXml) throws Exception {
        Matcher m = TRUST.matcher(getRoleXml);
        if (!m.find()) {
            return Optional.empty();
        }
        String text = xmlUnescape(m.group(1).trim());
        if (text.startsWith("%")) {
            text = URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        JsonNode statements = Json.tolerant().readTree(text).path("Statement");
        for (JsonNode statement : statements.isArray() ? statements : Json.tolerant().createArrayNode().add(statements)) {
            JsonNode externalId = statement.path("Condition").path("StringEquals").path("sts:ExternalId");
            if (externalId.isTextual()) {
                return Optional.of(externalId.asText());
            }
            if (externalId.isArray() && !externalId.isEmpty()) {
                return Optional.of(externalId.get(0).asText());
            }
        }
        return Optional.empty();
    }

    private static String xmlUnescape(String text) {
        return text.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static Reply denied(String callerAccount, String roleArn, String why) {
        String message = "User: arn:aws:sts::" + callerAccount + ":assumed-role/sandbox/caller is not authorized to perform: "
                + "sts:AssumeRole on resource: " + roleArn + " (sandbox: " + why + ")";
        String xml = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                + "<Code>AccessDenied</Code><Message>" + message.replace("&", "&amp;").replace("<", "&lt;")
                + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
        return Reply.of(403, "text/xml", xml);
    }
}
