package dev.cdkbootstrap.workflow.port;

import java.util.Optional;

/**
 * Which AWS Organizations organization an account is in, asked with that account's own credentials
 * ({@code organizations:DescribeOrganization}, which any member account may call). The answer comes
 * from AWS, not from the config: it is what proves an account's membership.
 */
public interface OrganizationMembership {

    /** The 12-digit id of the account asked. */
    String accountId();

    /**
     * @return the organization, empty when the account is in none ({@code AWSOrganizationsNotInUseException})
     * @throws dev.cdkbootstrap.workflow.error.TargetAccessDenied when the call is denied
     */
    Optional<Organization> organization();

    /** @param id {@code o-...}; @param managementAccount the organization's management account id */
    record Organization(String id, String managementAccount) {}
}
