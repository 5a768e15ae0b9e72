package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.port.PolicyStore;
import java.util.Optional;

/**
 * {@code permissions_boundary: cdk-example}: the CDK's example boundary, the managed policy
 * {@code cdk-<qualifier>-permissions-boundary} in the target account, created here (PrepareTarget) when it
 * is missing, never changed when it exists (the CDK means it to be edited by its owner).
 *
 * <p>Why not leave it to {@code cdk bootstrap --example-permissions-boundary}: the pinned CLI creates it only
 * when IAM GetPolicy fails with an error it names {@code NoSuchEntity}, but its AWS SDK names that error
 * {@code NoSuchEntityException} (node_modules/aws-cdk/lib/index.js, Bootstrapper.getExamplePermissionsBoundary
 * and the IAM client's NoSuchEntityException), so on an account without the policy the CLI fails with
 * "NoSuchEntityException: Policy ... not found". Once it exists, the CLI uses it. The document is the one
 * the CLI would create (same statements, same Sids).
 */
final class ExampleBoundary {

    private ExampleBoundary() {}

    /** @return what was done (or, in a dry run, would be done); empty when the policy exists */
    static Optional<String> ensure(PolicyStore store, Target target, boolean dryRun) {
        String name = ToolkitRequirements.exampleBoundaryName(target.qualifier());
        String arn = "arn:" + target.partition() + ":iam::" + target.account() + ":policy/" + name;
        if (store.versions(arn).isPresent()) {
            return Optional.empty();
        }
        if (!dryRun) {
            store.create(name, document(arn));
        }
        return Optional.of((dryRun ? "would create" : "created") + " the CDK example permissions boundary " + name);
    }

    /** The CLI's example boundary: allow all, but no user or role without this boundary, no edit or removal of it. */
    static String document(String arn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Action\":[\"*\"],\"Resource\":\"*\",\"Effect\":\"Allow\",\"Sid\":\"ExplicitAllowAll\"},"
                + "{\"Condition\":{\"StringNotEquals\":{\"iam:PermissionsBoundary\":\"" + arn + "\"}},"
                + "\"Action\":[\"iam:CreateUser\",\"iam:CreateRole\",\"iam:PutRolePermissionsBoundary\","
                + "\"iam:PutUserPermissionsBoundary\"],\"Resource\":\"*\",\"Effect\":\"Deny\","
                + "\"Sid\":\"DenyAccessIfRequiredPermBoundaryIsNotBeingApplied\"},"
                + "{\"Action\":[\"iam:CreatePolicyVersion\",\"iam:DeletePolicy\",\"iam:DeletePolicyVersion\","
                + "\"iam:SetDefaultPolicyVersion\"],\"Resource\":\"" + arn + "\",\"Effect\":\"Deny\","
                + "\"Sid\":\"DenyPermBoundaryIAMPolicyAlteration\"},"
                + "{\"Action\":[\"iam:DeleteUserPermissionsBoundary\",\"iam:DeleteRolePermissionsBoundary\"],"
                + "\"Resource\":\"*\",\"Effect\":\"Deny\",\"Sid\":\"DenyRemovalOfPermBoundaryFromAnyUserOrRole\"}]}";
    }
}
