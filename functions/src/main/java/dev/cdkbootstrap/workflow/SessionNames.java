package dev.cdkbootstrap.workflow;

/** Role session names that identify the run in the target's CloudTrail. */
public final class SessionNames {
    static final int MAX_LENGTH = 64;

    private SessionNames() {}

    /**
     * The prefix of LoadConfig's sessions in target accounts. target-account/role.yaml trusts the
     * LoadConfig role only for sessions named so ({@code sts:RoleSessionName}) and denies such sessions
     * everything but {@code organizations:DescribeOrganization} ({@code aws:userid}): keep the three equal.
     */
    public static final String ORGANIZATION_CHECK_PREFIX = "cdk-bootstrap-load-config-";

    /** {@code bootstrap-<runId>}, with characters STS refuses replaced and cut to 64 characters. */
    public static String forRun(String runId) {
        return named("bootstrap-", runId);
    }

    /**
     * {@code cdk-bootstrap-load-config-<runId>}, as {@link #forRun}: the session in which LoadConfig asks a
     * trusted account which organization it is in (the only thing such a session may do there).
     */
    public static String forOrganizationCheck(String runId) {
        return named(ORGANIZATION_CHECK_PREFIX, runId);
    }

    private static String named(String prefix, String runId) {
        String name = prefix + runId.replaceAll("[^\\w+=,.@-]", "-");
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
    }
}
