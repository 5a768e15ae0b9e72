package dev.cdkbootstrap.workflow.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Customer-managed IAM policies of one account (the execution policies we create). */
public interface PolicyStore {

    /** The policy's versions, or empty when no policy has that ARN. */
    Optional<List<PolicyVersion>> versions(String policyArn);

    /** A version's document as JSON text (already URL-decoded). */
    String document(String policyArn, String versionId);

    /** @throws dev.cdkbootstrap.workflow.error.PolicyRejected when IAM refuses the document */
    void create(String policyName, String document);

    /** Adds a version and makes it the default; the caller keeps the count under five. */
    void createDefaultVersion(String policyArn, String document);

    void deleteVersion(String policyArn, String versionId);

    record PolicyVersion(String versionId, boolean isDefault, Instant createdAt) {}
}
