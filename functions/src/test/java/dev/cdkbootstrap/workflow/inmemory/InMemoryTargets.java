package dev.cdkbootstrap.workflow.inmemory;

import dev.cdkbootstrap.workflow.error.TargetAccessDenied;
import dev.cdkbootstrap.workflow.port.OrganizationMembership;
import dev.cdkbootstrap.workflow.port.PolicyStore;
import dev.cdkbootstrap.workflow.port.TargetAccount;
import dev.cdkbootstrap.workflow.port.TargetConnector;
import dev.cdkbootstrap.workflow.port.ToolkitInspector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Target accounts: their enabled regions, IAM policies, toolkit stacks and SSM parameters. */
public final class InMemoryTargets implements TargetConnector {
    private final Map<String, Account> accounts = new HashMap<>();
    public final Set<String> deniedAccounts = new HashSet<>();
    public final List<TargetSession> sessions = new ArrayList<>();
    public int openSessions;

    /** One account's state, shared by every session opened into it. */
    public static final class Account {
        public final Set<String> disabledRegions = new HashSet<>();
        public final InMemoryPolicyStore policies;
        public final Map<String, ToolkitInspector.StackState> stacks = new HashMap<>();
        public final Map<String, String> parameters = new HashMap<>();
        /** S3 buckets that exist (staging buckets retained by a deleted toolkit, or another account's). */
        public final Set<String> buckets = new HashSet<>();
        /** The organization the account says it is in (null: none), and that organization's management account. */
        public OrganizationMembership.Organization organization;
        /** Runs once, right after the next stack read: what another actor does between two reads of one look. */
        public Runnable afterNextStackRead;

        /**
         * A toolkit stack as the pinned bootstrap template leaves it (its SSM version parameter too, unless
         * {@code ssmVersion} is null): status, trust, lookup trust, execution policies and version.
         */
        public void toolkit(String status, List<String> trust, List<String> policies, int version, String ssmVersion) {
            toolkit("CDKToolkit", status, Map.of("TrustedAccounts", String.join(",", trust),
                    "TrustedAccountsForLookup", "", "CloudFormationExecutionPolicies", String.join(",", policies),
                    "Qualifier", "hnb659fds", "BootstrapVariant", "AWS CDK: Default Resources"), version, ssmVersion);
        }

        /** A stack with exactly these parameters and BootstrapVersion output; SSM of its qualifier (null: none). */
        public void toolkit(String stackName, String status, Map<String, String> stackParameters, int version,
                String ssmVersion) {
            stacks.put(stackName, new ToolkitInspector.StackState(status, Map.copyOf(stackParameters),
                    Map.of("BootstrapVersion", Integer.toString(version))));
            String qualifier = stackParameters.getOrDefault("Qualifier", "hnb659fds");
            if (ssmVersion == null) {
                parameters.remove("/cdk-bootstrap/" + qualifier + "/version");
            } else {
                parameters.put("/cdk-bootstrap/" + qualifier + "/version", ssmVersion);
            }
        }

        Account(String id) {
            this.policies = new InMemoryPolicyStore(id);
        }
    }

    public Account account(String id) {
        return accounts.computeIfAbsent(id, Account::new);
    }

    @Override
    public TargetAccount connect(TargetSession session) {
        sessions.add(session);
        if (deniedAccounts.contains(session.account())) {
            throw new TargetAccessDenied("cannot assume the role in " + session.account());
        }
        Account account = account(session.account());
        openSessions++;
        return new TargetAccount() {
            @Override
            public RegionStatus regionStatus(String region) {
                return account.disabledRegions.contains(region) ? RegionStatus.NOT_ENABLED : RegionStatus.ENABLED;
            }

            @Override
            public PolicyStore policies() {
                return account.policies;
            }

            @Override
            public ToolkitInspector toolkit() {
                return new ToolkitInspector() {
                    @Override
                    public Optional<StackState> stack(String stackName) {
                        Optional<StackState> found = Optional.ofNullable(account.stacks.get(stackName));
                        Runnable meanwhile = account.afterNextStackRead;
                        account.afterNextStackRead = null;
                        if (meanwhile != null) {
                            meanwhile.run();
                        }
                        return found;
                    }

                    @Override
                    public Optional<String> parameter(String name) {
                        return Optional.ofNullable(account.parameters.get(name));
                    }

                    @Override
                    public boolean bucketExists(String bucketName) {
                        return account.buckets.contains(bucketName);
                    }
                };
            }

            @Override
            public OrganizationMembership membership() {
                return new OrganizationMembership() {
                    @Override
                    public String accountId() {
                        return session.account();
                    }

                    @Override
                    public Optional<Organization> organization() {
                        return Optional.ofNullable(account.organization);
                    }
                };
            }

            @Override
            public void close() {
                openSessions--;
            }
        };
    }
}
