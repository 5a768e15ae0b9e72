package dev.cdkbootstrap.contract;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * target-account/role.yaml lets `cdk bootstrap` (pinned CLI, its own bootstrap template) and PrepareTarget
 * do their work in a target account. CloudFormation deploys the toolkit stack with the caller's credentials
 * (no service role), so the role needs, for every resource type of the bootstrap template, the actions
 * CloudFormation calls to create, read, update, tag and delete it (the resource handlers' permissions of
 * the CloudFormation registry schemas, limited to the properties the template sets), on the bootstrap's
 * resource names for the qualifier. A CLI upgrade that adds a resource type fails here until the table
 * below (and the role) cover it.
 */
class TargetRolePermissionsContractTest {
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-1";
    private static final Path BOOTSTRAP_TEMPLATE = Path.of("node_modules/aws-cdk/lib/api/bootstrap/bootstrap-template.yaml");

    /** Resource type: what CloudFormation calls for it; "*" after an action: it has no resource-level permission. */
    private static final Map<String, List<String>> NEEDS = Map.ofEntries(
            entry("AWS::S3::Bucket", List.of("s3:CreateBucket", "s3:PutBucketAcl", "s3:GetBucketAcl",
                    "s3:PutEncryptionConfiguration", "s3:GetEncryptionConfiguration", "s3:PutBucketVersioning",
                    "s3:GetBucketVersioning", "s3:PutLifecycleConfiguration", "s3:GetLifecycleConfiguration",
                    "s3:PutBucketPublicAccessBlock", "s3:GetBucketPublicAccessBlock", "s3:PutBucketTagging",
                    "s3:GetBucketTagging", "s3:ListBucket", "s3:GetBucketLocation", "s3:DeleteBucket")),
            entry("AWS::S3::BucketPolicy", List.of("s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy")),
            entry("AWS::ECR::Repository", List.of("ecr:CreateRepository", "ecr:DescribeRepositories",
                    "ecr:PutLifecyclePolicy", "ecr:GetLifecyclePolicy", "ecr:DeleteLifecyclePolicy",
                    "ecr:SetRepositoryPolicy", "ecr:GetRepositoryPolicy", "ecr:DeleteRepositoryPolicy",
                    "ecr:PutImageTagMutability", "ecr:PutImageScanningConfiguration", "ecr:TagResource",
                    "ecr:UntagResource", "ecr:ListTagsForResource", "ecr:DeleteRepository")),
            entry("AWS::IAM::Role", List.of("iam:CreateRole", "iam:GetRole", "iam:UpdateRole", "iam:UpdateAssumeRolePolicy",
                    "iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy", "iam:ListRolePolicies",
                    "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:ListAttachedRolePolicies", "iam:TagRole",
                    "iam:UntagRole", "iam:DeleteRole")),
            // An inline policy: the calls act on the role(s) it is put on.
            entry("AWS::IAM::Policy", List.of("iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy")),
            entry("AWS::SSM::Parameter", List.of("ssm:PutParameter", "ssm:GetParameters", "ssm:AddTagsToResource",
                    "ssm:RemoveTagsFromResource", "ssm:DeleteParameter")),
            // Conditional (CONDITIONAL below): kms_key create (`--bootstrap-customer-key`), or a key kept from an
            // earlier bootstrap with one: created (the registry's create handler, tags from the stack), read,
            // updated and tagged. Deleting it is not granted (docs/deploy.md).
            entry("AWS::KMS::Key", List.of("kms:CreateKey*", "kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy",
                    "kms:GetKeyRotationStatus", "kms:ListResourceTags", "kms:TagResource", "kms:UntagResource")),
            entry("AWS::KMS::Alias", List.of("kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias", "kms:ListAliases*")),
            // Conditional: only when someone edits the template (the CLI never sets UseExamplePermissionsBoundary).
            entry("AWS::IAM::ManagedPolicy", List.of()));

    /** Types the template creates only under a condition, with that condition. */
    private static final Map<String, String> CONDITIONAL = Map.of("AWS::KMS::Key", "CreateNewKey",
            "AWS::KMS::Alias", "CreateNewKey", "AWS::IAM::ManagedPolicy", "ShouldCreatePermissionsBoundary");

    /** `cdk bootstrap` deploys the toolkit stack through change sets and watches it. */
    private static final List<String> TOOLKIT_STACK = List.of("cloudformation:DescribeStacks",
            "cloudformation:DescribeStackEvents", "cloudformation:GetTemplate", "cloudformation:CreateChangeSet",
            "cloudformation:DescribeChangeSet", "cloudformation:ExecuteChangeSet", "cloudformation:DeleteChangeSet",
            "cloudformation:CreateStack", "cloudformation:UpdateStack");

    @ParameterizedTest
    @ValueSource(strings = {"hnb659fds", "team_a-01"})
    void roleGrantsWhatCloudFormationNeedsForEveryBootstrapResource(String qualifier) {
        TargetRolePolicy role = TargetRolePolicy.read(qualifier, ACCOUNT);
        BootstrapTemplate bootstrap = new BootstrapTemplate(bootstrapTemplate(), qualifier);
        List<String> missing = new ArrayList<>();
        bootstrap.resources().forEach((logicalId, type) -> {
            assertThat(NEEDS).as("bootstrap resource " + logicalId + " has a type this test has no permissions for;"
                    + " add it to NEEDS (and the role)").containsKey(type);
            for (String arn : bootstrap.arns(logicalId, REGION, ACCOUNT)) {
                for (String action : NEEDS.get(type)) {
                    boolean accountWide = action.endsWith("*");
                    String name = accountWide ? action.substring(0, action.length() - 1) : action;
                    if (!role.allows(name, accountWide ? "*" : arn)) {
                        missing.add(name + " on " + (accountWide ? "*" : arn) + " (" + logicalId + ")");
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void roleGrantsTheToolkitStackDeploymentAndWhatPrepareTargetReadsAndWrites() {
        TargetRolePolicy role = TargetRolePolicy.read("hnb659fds", ACCOUNT);
        String stack = "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/CDKToolkit/0a1b2c3d-0000-4000-8000-000000000000";
        String changeSet = "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":changeSet/cdk-deploy-change-set/0a1b2c3d";
        List<String> missing = new ArrayList<>();
        TOOLKIT_STACK.forEach(action -> check(role, action, stack, missing));
        check(role, "cloudformation:UpdateTerminationProtection", stack, missing); // termination_protection
        List.of("cloudformation:DescribeChangeSet", "cloudformation:ExecuteChangeSet", "cloudformation:DeleteChangeSet")
                .forEach(action -> check(role, action, changeSet, missing));
        // PrepareTarget (functions/.../aws): region check, toolkit version, execution policy from a file.
        check(role, "ec2:DescribeRegions", "*", missing);
        check(role, "ssm:GetParameter", "arn:aws:ssm:" + REGION + ":" + ACCOUNT + ":parameter/cdk-bootstrap/hnb659fds/version", missing);
        // HeadBucket of a retained staging bucket (the decision table's TOOLKIT_LEFTOVERS)
        check(role, "s3:ListBucket", "arn:aws:s3:::cdk-hnb659fds-assets-" + ACCOUNT + "-" + REGION, missing);
        String policy = "arn:aws:iam::" + ACCOUNT + ":policy/mlops-cdk-exec-" + REGION;
        List.of("iam:GetPolicy", "iam:CreatePolicy", "iam:ListPolicyVersions", "iam:GetPolicyVersion",
                "iam:CreatePolicyVersion", "iam:DeletePolicyVersion").forEach(action -> check(role, action, policy, missing));
        check(role, "iam:GetPolicyVersion", "arn:aws:iam::aws:policy/AdministratorAccess", missing);
        assertThat(missing).isEmpty();
    }

    /**
     * What the decision table adds (docs/workflow.md): the CLI deletes a toolkit stack whose first creation
     * failed before creating it again, and reads a failed change set's events to say why it failed.
     */
    @Test
    void roleMayDeleteTheToolkitStackAndReadChangeSetEventsButNoOtherStack() {
        TargetRolePolicy role = TargetRolePolicy.read("hnb659fds", ACCOUNT);
        String stack = "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/CDKToolkit/0a1b2c3d-0000-4000-8000-000000000000";
        String changeSet = "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":changeSet/cdk-bootstrap-change-set-1/0a1b2c3d";
        String otherStack = "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/payments-prod/0a1b2c3d";

        assertThat(role.allows("cloudformation:DeleteStack", stack)).isTrue();
        assertThat(role.allows("cloudformation:DescribeEvents", stack)).isTrue();
        assertThat(role.allows("cloudformation:DescribeEvents", changeSet)).isTrue();
        assertThat(role.allows("cloudformation:DeleteStack", otherStack)).isFalse();
        assertThat(role.allows("cloudformation:DeleteStack", changeSet)).isFalse();
        assertThat(role.allows("cloudformation:UpdateTerminationProtection", otherStack)).isFalse();
        assertThat(role.allows("cloudformation:DescribeEvents", otherStack)).isFalse();
        assertThat(role.statements().stream().filter(s -> s.path("Action").toString().contains("cloudformation:DeleteStack")))
                .as("DeleteStack is granted by one statement, on the toolkit stack only").singleElement()
                .satisfies(s -> assertThat(s.path("Resource").isTextual()).isTrue());
    }

    @Test
    void roleDoesNotReachAnotherQualifiersResources() {
        TargetRolePolicy role = TargetRolePolicy.read("hnb659fds", ACCOUNT);
        assertThat(role.allows("s3:DeleteBucket", "arn:aws:s3:::cdk-otherqual-assets-" + ACCOUNT + "-" + REGION)).isFalse();
        assertThat(role.allows("iam:CreateRole", "arn:aws:iam::" + ACCOUNT + ":role/cdk-otherqual-cfn-exec-role-" + ACCOUNT + "-" + REGION)).isFalse();
        assertThat(role.allows("iam:CreateRole", "arn:aws:iam::" + ACCOUNT + ":role/Admin")).isFalse();
    }

    /** Keys have no name in their ARN: the grant on key/* must be narrowed to the qualifier's key by its alias. */
    @Test
    void keyGrantsAreLimitedToTheQualifiersAssetsKey() {
        List<JsonNode> keyGrants = TargetRolePolicy.read("hnb659fds", ACCOUNT).statements().stream()
                .filter(s -> s.path("Resource").toString().contains(":key/")).toList();
        assertThat(keyGrants).isNotEmpty().allSatisfy(grant -> assertThat(grant.path("Condition")
                .path("ForAnyValue:StringEquals").path("kms:ResourceAliases").asText()).isEqualTo("alias/cdk-hnb659fds-assets-key"));
        // On "*" (CreateKey has no resource-level permission; a new key has no alias yet): keys with no other alias.
        List<JsonNode> anyKey = TargetRolePolicy.read("hnb659fds", ACCOUNT).statements().stream()
                .filter(s -> s.path("Resource").asText().equals("*") && s.path("Action").toString().contains("kms:")
                        && !s.path("Action").asText().equals("kms:ListAliases")).toList();
        assertThat(anyKey).singleElement().satisfies(grant -> assertThat(grant.path("Condition")
                .path("ForAllValues:StringEquals").path("kms:ResourceAliases").asText()).isEqualTo("alias/cdk-hnb659fds-assets-key"));
    }

    /**
     * The customer key is selected by kms_key create (the buildspec's {@code --bootstrap-customer-key}); the
     * template's example boundary policy only by UseExamplePermissionsBoundary, which the pinned CLI never
     * passes ({@code --example-permissions-boundary} creates {@code cdk-<qualifier>-permissions-boundary}
     * through IAM instead, with the role's ManageExecutionPolicies grant on {@code policy/cdk-<qualifier>-*}).
     */
    @Test
    void conditionalResourcesAreCreatedUnderTheConditionsTheRoleCovers() throws Exception {
        JsonNode resources = bootstrapTemplate().path("Resources");
        resources.properties().forEach(e -> {
            String condition = CONDITIONAL.get(e.getValue().path("Type").asText());
            if (condition != null) {
                assertThat(e.getValue().path("Condition").asText()).as(e.getKey()).isEqualTo(condition);
            }
        });
        assertThat(ProjectFiles.text("buildspec/bootstrap.yml")).contains("--bootstrap-customer-key",
                "--example-permissions-boundary");
        assertThat(Files.readString(ProjectFiles.root().resolve("node_modules/aws-cdk/lib/index.js")))
                .doesNotContain("UseExamplePermissionsBoundary");
        TargetRolePolicy role = TargetRolePolicy.read("hnb659fds", ACCOUNT);
        String example = "arn:aws:iam::" + ACCOUNT + ":policy/cdk-hnb659fds-permissions-boundary";
        assertThat(role.allows("iam:GetPolicy", example)).isTrue();
        assertThat(role.allows("iam:CreatePolicy", example)).isTrue();
        String newKey = "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/0a1b2c3d-0000-4000-8000-000000000000";
        for (String action : List.of("kms:CreateAlias", "kms:TagResource", "kms:DescribeKey")) {
            assertThat(role.allows(action, newKey, Map.of())).as(action + " on a new key without aliases").isTrue();
            assertThat(role.allows(action, newKey, Map.of("kms:ResourceAliases", "alias/payments")))
                    .as(action + " on another key").isFalse();
        }
        assertThat(role.allows("kms:CreateKey", "*", Map.of())).isTrue();
        assertThat(role.allows("kms:ScheduleKeyDeletion", newKey, Map.of())).as("keys are never deleted").isFalse();
    }

    /** Above 51,200 bytes the CLI would upload the template to the staging bucket, which the role cannot write. */
    @Test
    void bootstrapTemplateFitsInACreateChangeSetCall() throws Exception {
        assertThat(Files.size(bootstrapTemplatePath())).isLessThan(51_200);
    }

    private static void check(TargetRolePolicy role, String action, String arn, List<String> missing) {
        if (!role.allows(action, arn)) {
            missing.add(action + " on " + arn);
        }
    }

    private static Path bootstrapTemplatePath() {
        Path file = ProjectFiles.root().resolve(BOOTSTRAP_TEMPLATE);
        assertThat(file).as("the pinned CDK CLI's bootstrap template; run npm ci").exists();
        return file;
    }

    private static JsonNode bootstrapTemplate() {
        return CloudFormationYaml.read(bootstrapTemplatePath());
    }
}
