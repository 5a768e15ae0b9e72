package dev.cdkbootstrap.contract.fakes;

import dev.cdkbootstrap.workflow.port.PolicyStore;
import dev.cdkbootstrap.workflow.port.TargetAccount;
import dev.cdkbootstrap.workflow.port.TargetConnector;
import dev.cdkbootstrap.workflow.port.ToolkitInspector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Target accounts in memory: every region is enabled, no toolkit stack exists yet (so a real run
 * decides BOOTSTRAP), and customer-managed policies live in a per-account map.
 */
public final class InMemoryTargetAccounts implements TargetConnector {
    private final Map<String, Map<String, List<Version>>> policiesByAccount = new HashMap<>();
    private final List<TargetSession> sessions = new ArrayList<>();

    private record Version(PolicyStore.PolicyVersion version, String document) {}

    @Override
    public TargetAccount connect(TargetSession session) {
        sessions.add(session);
        Map<String, List<Version>> policies = policiesByAccount.computeIfAbsent(session.account(), a -> new HashMap<>());
        return new Account(session, policies);
    }

    public List<TargetSession> sessions() {
        return sessions;
    }

    /** Policy ARNs that exist in the account. */
    public List<String> policyArns(String account) {
        return List.copyOf(policiesByAccount.getOrDefault(account, Map.of()).keySet());
    }

    private record Account(TargetSession session, Map<String, List<Version>> store) implements TargetAccount {
        @Override
        public RegionStatus regionStatus(String region) {
            return RegionStatus.ENABLED;
        }

        @Override
        public PolicyStore policies() {
            return new Policies(session, store);
        }

        @Override
        public ToolkitInspector toolkit() {
            return new ToolkitInspector() {
                @Override
                public Optional<StackState> stack(String stackName) {
                    return Optional.empty();
                }

                @Override
                public Optional<String> parameter(String name) {
                    return Optional.empty();
                }
            };
        }

        @Override
        public void close() {}
    }

    private record Policies(TargetSession session, Map<String, List<Version>> policies) implements PolicyStore {
        @Override
        public Optional<List<PolicyVersion>> versions(String policyArn) {
            return Optional.ofNullable(policies.get(policyArn)).map(v -> v.stream().map(Version::version).toList());
        }

        @Override
        public String document(String policyArn, String versionId) {
            return policies.get(policyArn).stream().filter(v -> v.version().versionId().equals(versionId))
                    .findFirst().orElseThrow().document();
        }

        @Override
        public void create(String policyName, String document) {
            String arn = "arn:" + session.partition() + ":iam::" + session.account() + ":policy/" + policyName;
            List<Version> versions = new ArrayList<>();
            versions.add(new Version(new PolicyVersion("v1", true, Instant.EPOCH), document));
            policies.put(arn, versions);
        }

        @Override
        public void createDefaultVersion(String policyArn, String document) {
            List<Version> versions = policies.get(policyArn);
            versions.replaceAll(v -> new Version(new PolicyVersion(v.version().versionId(), false,
                    v.version().createdAt()), v.document()));
            versions.add(new Version(new PolicyVersion("v" + (versions.size() + 1), true, Instant.now()), document));
        }

        @Override
        public void deleteVersion(String policyArn, String versionId) {
            policies.get(policyArn).removeIf(v -> v.version().versionId().equals(versionId));
        }
    }
}
