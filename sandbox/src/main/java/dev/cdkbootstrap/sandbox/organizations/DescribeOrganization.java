package dev.cdkbootstrap.sandbox.organizations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.front.CallerAccounts;
import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.Route;
import java.util.Optional;

/**
 * {@code organizations:DescribeOrganization} answered by the sandbox for the account whose
 * credentials signed the request ({@link CallerAccounts}): a member of the emulated organization gets
 * the organization (JSON protocol, as AWS answers), any other account
 * {@code AWSOrganizationsNotInUseException} (400), as AWS answers an account in no organization.
 * Without an emulated organization (OrganizationId NONE) the request goes on to moto.
 */
public final class DescribeOrganization implements Route {
    static final String TARGET = "AWSOrganizationsV20161128.DescribeOrganization";

    private final OrganizationEmulation emulation;
    private final CallerAccounts callers;

    public DescribeOrganization(OrganizationEmulation emulation, CallerAccounts callers) {
        this.emulation = emulation;
        this.callers = callers;
    }

    @Override
    public Optional<Reply> handle(Exchange exchange, MotoForwarder moto) {
        Optional<EmulatedOrganization> emulated = emulation.organization();
        if (emulated.isEmpty() || !TARGET.equals(exchange.target())) {
            return Optional.empty();
        }
        EmulatedOrganization org = emulated.get();
        String account = callers.accountOf(exchange);
        if (!org.isMember(account)) {
            emulation.noticeOnce("outside", "DescribeOrganization in " + account + " answered"
                    + " AWSOrganizationsNotInUseException: the account is outside the emulated organization " + org.id()
                    + " (--outside-organization)");
            return Optional.of(Reply.json(400, Json.tolerant().createObjectNode()
                    .put("__type", "AWSOrganizationsNotInUseException")
                    .put("Message", "Your account is not a member of an organization.").toString()));
        }
        emulation.noticeOnce("member", "DescribeOrganization answered by the sandbox (moto cannot put chosen"
                + " account ids in an organization): organization " + org.id() + ", management account "
                + org.managementAccount() + ", " + org.members().size() + " members (listed once, when the session began)");
        return Optional.of(Reply.json(200, answer(org).toString()));
    }

    /** The answer's shape as AWS sends it (the API reference's DescribeOrganization response). */
    static ObjectNode answer(EmulatedOrganization org) {
        String management = org.managementAccount();
        ObjectNode root = Json.tolerant().createObjectNode();
        ObjectNode organization = root.putObject("Organization");
        organization.put("Id", org.id())
                .put("Arn", "arn:aws:organizations::" + management + ":organization/" + org.id())
                .put("FeatureSet", "ALL")
                .put("MasterAccountArn", "arn:aws:organizations::" + management + ":account/" + org.id() + "/" + management)
                .put("MasterAccountId", management)
                .put("MasterAccountEmail", "management@sandbox.invalid");
        organization.putArray("AvailablePolicyTypes");
        return root;
    }
}
