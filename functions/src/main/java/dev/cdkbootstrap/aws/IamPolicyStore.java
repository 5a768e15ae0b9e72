package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.workflow.error.PolicyRejected;
import dev.cdkbootstrap.workflow.port.PolicyStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** {@link PolicyStore} on IAM; IAM's refusals of a document become {@link PolicyRejected}. */
final class IamPolicyStore implements PolicyStore {
    private final IamClient iam;
    private final Guard guard;

    /** Wraps every call (turns AccessDenied into TargetAccessDenied). */
    interface Guard {
        <T> T call(Supplier<T> call);
    }

    IamPolicyStore(IamClient iam, Guard guard) {
        this.iam = iam;
        this.guard = guard;
    }

    @Override
    public Optional<List<PolicyVersion>> versions(String policyArn) {
        try {
            return Optional.of(guard.call(() -> iam.listPolicyVersionsPaginator(r -> r.policyArn(policyArn))
                    .versions().stream()
                    .map(v -> new PolicyVersion(v.versionId(), Boolean.TRUE.equals(v.isDefaultVersion()), v.createDate()))
                    .toList()));
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }

    @Override
    public String document(String policyArn, String versionId) {
        String document = guard.call(() -> iam.getPolicyVersion(r -> r.policyArn(policyArn).versionId(versionId)))
                .policyVersion().document();
        // IAM returns the document URL-encoded (RFC 3986); some emulators return it as is.
        return document.stripLeading().startsWith("{") ? document : URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    @Override
    public void create(String policyName, String document) {
        rejecting(policyName, () -> iam.createPolicy(r -> r.policyName(policyName).policyDocument(document)
                .description("CloudFormation execution policy for CDK deployments (managed by cdk-bootstrap-orchestrator)")));
    }

    @Override
    public void createDefaultVersion(String policyArn, String document) {
        rejecting(policyArn, () -> iam.createPolicyVersion(r -> r.policyArn(policyArn).policyDocument(document)
                .setAsDefault(true)));
    }

    @Override
    public void deleteVersion(String policyArn, String versionId) {
        guard.call(() -> iam.deletePolicyVersion(r -> r.policyArn(policyArn).versionId(versionId)));
    }

    private void rejecting(String policy, Supplier<?> call) {
        try {
            guard.call(call);
        } catch (MalformedPolicyDocumentException e) {
            throw new PolicyRejected("IAM rejected the document of " + policy + ": "
                    + e.awsErrorDetails().errorMessage(), e);
        } catch (LimitExceededException e) {
            throw new PolicyRejected("IAM limit for " + policy + ": " + e.awsErrorDetails().errorMessage(), e);
        }
    }
}
