package dev.cdkbootstrap.workflow.port;

/**
 * One target (account, region) reached with assumed-role credentials. Any call denied in the
 * account throws {@link dev.cdkbootstrap.workflow.error.TargetAccessDenied}.
 */
public interface TargetAccount extends AutoCloseable {

    RegionStatus regionStatus(String region);

    PolicyStore policies();

    ToolkitInspector toolkit();

    /** The organization this account says it is in (asked with the target role's credentials). */
    OrganizationMembership membership();

    @Override
    void close();

    /** Whether the account may use the region (EC2 DescribeRegions, opt-in status). */
    enum RegionStatus { ENABLED, NOT_ENABLED, UNKNOWN }
}
