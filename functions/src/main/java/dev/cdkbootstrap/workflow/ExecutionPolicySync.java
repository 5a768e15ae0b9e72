package dev.cdkbootstrap.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.error.PolicyRejected;
import dev.cdkbootstrap.workflow.port.PolicyStore;
import dev.cdkbootstrap.workflow.port.PolicyStore.PolicyVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one execution policy in a target account equal to its file (docs/config.md, "Execution
 * policies"): created when absent; when the default version's document differs (compared as
 * normalized JSON), a new default version is added, deleting the oldest non-default version first
 * when IAM's five-version limit is reached.
 */
public final class ExecutionPolicySync {
    static final int MAX_VERSIONS = 5;
    private static final ObjectMapper READER = Json.tolerant();

    public enum Change { CREATED, UPDATED, UNCHANGED }

    /** What a sync did (or, in a dry run, would do) to one policy. */
    public record Result(String policyArn, Change change) {
        public String describe(boolean dryRun) {
            String name = policyArn.substring(policyArn.indexOf(":policy/") + ":policy/".length());
            return switch (change) {
                case CREATED -> (dryRun ? "would create" : "created") + " execution policy " + name;
                case UPDATED -> (dryRun ? "would update" : "updated") + " execution policy " + name;
                case UNCHANGED -> "execution policy " + name + " up to date";
            };
        }
    }

    private ExecutionPolicySync() {}

    /** Whether a dry run's (or preview's) reason says a real run would create or update an execution policy. */
    public static boolean previewChangesAPolicy(String reason) {
        return reason != null && (reason.contains("would create execution policy ")
                || reason.contains("would update execution policy "));
    }

    /** @param dryRun when true, only reads: reports the change a real run would make */
    public static Result sync(PolicyStore store, String policyArn, String document, boolean dryRun) {
        JsonNode wanted = document(document, policyArn);
        Optional<List<PolicyVersion>> versions = store.versions(policyArn);
        if (versions.isEmpty()) {
            if (!dryRun) {
                store.create(policyName(policyArn), document);
            }
            return new Result(policyArn, Change.CREATED);
        }
        PolicyVersion current = versions.get().stream().filter(PolicyVersion::isDefault).findFirst()
                .orElseThrow(() -> new IllegalStateException(policyArn + " has no default version"));
        if (sameDocument(store.document(policyArn, current.versionId()), wanted)) {
            return new Result(policyArn, Change.UNCHANGED);
        }
        if (!dryRun) {
            if (versions.get().size() >= MAX_VERSIONS) {
                versions.get().stream().filter(v -> !v.isDefault())
                        .min(Comparator.comparing(PolicyVersion::createdAt))
                        .ifPresent(oldest -> store.deleteVersion(policyArn, oldest.versionId()));
            }
            store.createDefaultVersion(policyArn, document);
        }
        return new Result(policyArn, Change.UPDATED);
    }

    static String policyName(String policyArn) {
        String path = policyArn.substring(policyArn.indexOf(":policy/") + ":policy/".length());
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean sameDocument(String deployed, JsonNode wanted) {
        try {
            return document(deployed, "deployed").equals(wanted);
        } catch (PolicyRejected unreadable) {
            return false;
        }
    }

    /**
     * The document as a JSON tree; two documents are the same policy when their trees are equal
     * ({@link JsonNode#equals}: object key order and formatting don't count, array order does).
     *
     * @throws PolicyRejected when it is not JSON or not an object with Version and Statement
     */
    static JsonNode document(String document, String what) {
        try {
            JsonNode node = READER.readTree(document);
            if (!(node instanceof ObjectNode object) || !object.has("Version") || !object.has("Statement")) {
                throw new PolicyRejected("policy document for " + what
                        + " is not an IAM policy (a JSON object with Version and Statement)");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PolicyRejected("policy document for " + what + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
