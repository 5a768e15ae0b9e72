package dev.cdkbootstrap.workflow.inmemory;

import dev.cdkbootstrap.workflow.error.PolicyRejected;
import dev.cdkbootstrap.workflow.port.PolicyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IAM customer-managed policies of one account, with IAM's rules: at most five versions (a sixth is
 * refused), the default version cannot be deleted, documents must be JSON objects.
 */
public final class InMemoryPolicyStore implements PolicyStore {
    private final String account;
    private final Map<String, List<Version>> policies = new LinkedHashMap<>();
    private int clock;
    public int writes;

    public InMemoryPolicyStore(String account) {
        this.account = account;
    }

    record Version(String id, String document, boolean isDefault, Instant createdAt) {}

    public String arn(String name) {
        return "arn:aws:iam::" + account + ":policy/" + name;
    }

    /** ARNs of the policies that exist, in creation order. */
    public List<String> arns() {
        return List.copyOf(policies.keySet());
    }

    public List<String> documents(String arn) {
        return policies.getOrDefault(arn, List.of()).stream().map(Version::document).toList();
    }

    public String defaultDocument(String arn) {
        return policies.get(arn).stream().filter(Version::isDefault).findFirst().orElseThrow().document();
    }

    @Override
    public Optional<List<PolicyVersion>> versions(String policyArn) {
        return Optional.ofNullable(policies.get(policyArn)).map(vs -> vs.stream()
                .map(v -> new PolicyVersion(v.id(), v.isDefault(), v.createdAt())).toList());
    }

    @Override
    public String document(String policyArn, String versionId) {
        return policies.get(policyArn).stream().filter(v -> v.id().equals(versionId)).findFirst().orElseThrow().document();
    }

    @Override
    public void create(String policyName, String document) {
        check(document);
        if (policies.containsKey(arn(policyName))) {
            throw new IllegalStateException("EntityAlreadyExists: " + policyName);
        }
        writes++;
        List<Version> versions = new ArrayList<>();
        versions.add(new Version("v1", document, true, tick()));
        policies.put(arn(policyName), versions);
    }

    @Override
    public void createDefaultVersion(String policyArn, String document) {
        check(document);
        List<Version> versions = policies.get(policyArn);
        if (versions.size() >= 5) {
            throw new IllegalStateException("LimitExceeded: " + policyArn + " already has five versions");
        }
        writes++;
        int next = versions.stream().mapToInt(v -> Integer.parseInt(v.id().substring(1))).max().orElse(0) + 1;
        versions.replaceAll(v -> new Version(v.id(), v.document(), false, v.createdAt()));
        versions.add(new Version("v" + next, document, true, tick()));
    }

    @Override
    public void deleteVersion(String policyArn, String versionId) {
        List<Version> versions = policies.get(policyArn);
        Version version = versions.stream().filter(v -> v.id().equals(versionId)).findFirst().orElseThrow();
        if (version.isDefault()) {
            throw new IllegalStateException("DeleteConflict: cannot delete the default version");
        }
        writes++;
        versions.remove(version);
    }

    private static void check(String document) {
        if (!document.trim().startsWith("{")) {
            throw new PolicyRejected("MalformedPolicyDocument: not a JSON object");
        }
    }

    private Instant tick() {
        return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(++clock);
    }
}
