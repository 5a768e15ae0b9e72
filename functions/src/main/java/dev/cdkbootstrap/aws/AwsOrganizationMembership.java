package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.workflow.port.OrganizationMembership;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationResponse;

/**
 * {@code organizations:DescribeOrganization} with one account's credentials. Organizations is a
 * global service: the SDK's endpoint rules send every region of a partition to its one endpoint.
 */
final class AwsOrganizationMembership implements OrganizationMembership {
    private final Supplier<String> accountId;
    private final OrganizationsClient organizations;
    private final Function<Supplier<DescribeOrganizationResponse>, DescribeOrganizationResponse> guard;

    /** @param guard runs the call, turning AccessDenied into the caller's error type */
    AwsOrganizationMembership(Supplier<String> accountId, OrganizationsClient organizations,
            Function<Supplier<DescribeOrganizationResponse>, DescribeOrganizationResponse> guard) {
        this.accountId = accountId;
        this.organizations = organizations;
        this.guard = guard;
    }

    @Override
    public String accountId() {
        return accountId.get();
    }

    @Override
    public Optional<Organization> organization() {
        try {
            var org = guard.apply(organizations::describeOrganization).organization();
            return Optional.of(new Organization(org.id(), org.masterAccountId()));
        } catch (AwsOrganizationsNotInUseException e) {
            return Optional.empty();
        }
    }
}
