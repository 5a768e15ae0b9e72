package dev.cdkbootstrap.sandbox.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.front.CallerAccounts;
import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.sts.AssumeRoleGuard;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DescribeOrganization answered per caller account, and aws:ResourceOrgID on AssumeRole. */
class OrganizationEmulationTest {
    private static final String DEPLOYMENT = "111111111111";
    private static final MotoForwarder NOWHERE = new MotoForwarder(URI.create("http://127.0.0.1:9"));

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final OrganizationEmulation emulation = new OrganizationEmulation(new PrintStream(new ByteArrayOutputStream()));
    private final CallerAccounts callers = new CallerAccounts(DEPLOYMENT);
    private final DescribeOrganization route = new DescribeOrganization(emulation, callers);

    private void emulate() {
        emulation.emulate(EmulatedOrganization.of("o-sandbox0001", "100000000000",
                List.of(DEPLOYMENT, "222222222222", "333333333333"), List.of("333333333333")),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private static Exchange describe(String accessKey) {
        return new Exchange("POST", URI.create("/"), Map.of("X-Amz-Target", List.of(DescribeOrganization.TARGET),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=" + accessKey
                        + "/20260101/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0")),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** An AssumeRole of {@code roleArn} and moto's answer, as the front endpoint passes them to CallerAccounts. */
    private void assumed(String roleArn, String accessKey) {
        Exchange request = new Exchange("POST", URI.create("/"), Map.of("Content-Type",
                List.of("application/x-www-form-urlencoded")), ("Action=AssumeRole&RoleArn=" + roleArn)
                .getBytes(StandardCharsets.UTF_8));
        callers.apply(callers.attribute(request), Reply.of(200, "text/xml", "<AssumeRoleResponse><AssumeRoleResult>"
                + "<Credentials><AccessKeyId>" + accessKey + "</AccessKeyId></Credentials></AssumeRoleResult>"
                + "</AssumeRoleResponse>"));
    }

    private Reply answer(Exchange exchange) {
        return route.handle(callers.attribute(exchange), NOWHERE).orElseThrow();
    }

    @Test
    void theDefaultCredentialsAreTheDeploymentAccountAMember() throws Exception {
        emulate();
        Reply reply = answer(describe("testing"));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode org = Json.tolerant().readTree(reply.bodyText()).path("Organization");
        assertThat(org.path("Id").asText()).isEqualTo("o-sandbox0001");
        assertThat(org.path("MasterAccountId").asText()).isEqualTo("100000000000");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("[organizations] DescribeOrganization answered");
    }

    @Test
    void anAssumedRolesKeysActInTheRolesAccount() throws Exception {
        emulate();
        assumed("arn:aws:iam::222222222222:role/target", "ASIAMEMBER0000000001");
        assumed("arn:aws:iam::333333333333:role/target", "ASIAOUTSIDE000000001");

        assertThat(answer(describe("ASIAMEMBER0000000001")).status()).isEqualTo(200);
        Reply outside = answer(describe("ASIAOUTSIDE000000001"));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(Json.tolerant().readTree(outside.bodyText()).path("__type").asText())
                .isEqualTo("AWSOrganizationsNotInUseException");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("333333333333 answered AWSOrganizationsNotInUseException");
    }

    @Test
    void eachEmulationIsPrintedOnce() {
        emulate();
        answer(describe("testing"));
        answer(describe("testing"));
        assertThat(printed.toString(StandardCharsets.UTF_8).split("DescribeOrganization answered", -1)).hasSize(2);
    }

    @Test
    void withoutAnOrganizationTheRequestGoesToMoto() {
        assertThat(route.handle(callers.attribute(describe("testing")), NOWHERE)).isEmpty();
    }

    @Test
    void theManagementAccountIsAlwaysAMemberAndOutsideAccountsAreNot() {
        EmulatedOrganization org = EmulatedOrganization.of("o-sandbox0001", "100000000000", List.of("222222222222"),
                List.of("222222222222"));
        assertThat(org.members()).containsExactly("100000000000");
        assertThatThrownBy(() -> EmulatedOrganization.of("o-short", "100000000000", List.of(), List.of()))
                .hasMessageContaining("o-short");
    }

    @Test
    void assumeRoleIntoAnAccountOutsideTheOrganizationIsDenied() throws Exception {
        emulate();
        AssumeRoleGuard guard = new AssumeRoleGuard(emulation, callers);
        Exchange request = callers.attribute(new Exchange("POST", URI.create("/"), Map.of("Content-Type",
                List.of("application/x-www-form-urlencoded")),
                "Action=AssumeRole&RoleArn=arn:aws:iam::333333333333:role/target".getBytes(StandardCharsets.UTF_8)));

        Optional<Reply> denied = guard.handle(request, NOWHERE);

        assertThat(denied).isPresent();
        assertThat(denied.get().status()).isEqualTo(403);
        assertThat(denied.get().bodyText()).contains("<Code>AccessDenied</Code>").contains("aws:ResourceOrgID")
                .contains("arn:aws:sts::" + DEPLOYMENT + ":");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("AssumeRole into 333333333333 denied");
    }
}
