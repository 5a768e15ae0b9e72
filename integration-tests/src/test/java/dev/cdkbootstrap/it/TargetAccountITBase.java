package dev.cdkbootstrap.it;

import static dev.cdkbootstrap.it.Samples.DEV;
import static dev.cdkbootstrap.it.Samples.PIPELINE;
import static dev.cdkbootstrap.it.Samples.PROD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cdkbootstrap.aws.AwsClients;
import dev.cdkbootstrap.aws.StsTargetConnector;
import dev.cdkbootstrap.workflow.ExecutionPolicySync;
import dev.cdkbootstrap.workflow.error.PolicyRejected;
import dev.cdkbootstrap.workflow.port.PolicyStore;
import dev.cdkbootstrap.workflow.port.TargetAccount;
import dev.cdkbootstrap.workflow.port.TargetConnector.TargetSession;
import dev.cdkbootstrap.workflow.port.ToolkitInspector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;

/** STS AssumeRole into target accounts, then IAM, EC2, CloudFormation and SSM there, with the real SDK. */
abstract class TargetAccountITBase {
    protected abstract Emulator emulator();

    private StsTargetConnector connector;
    private TargetAccounts accounts;

    @BeforeEach
    void connector() {
        connector = new StsTargetConnector(AwsClients.from(emulator().environment(), true), "cdk-bootstrap-target", "ext-123");
        accounts = new TargetAccounts(emulator());
    }

    private TargetAccount connect(String account) {
        return connector.connect(new TargetSession(account, "aws", emulator().region(), "bootstrap-it-run"));
    }

    static String policyArn(String account) {
        return "arn:aws:iam::" + account + ":policy/mlops-cdk-exec-eu-west-1";
    }

    @Test
    void eachTargetsPolicyIsCreatedInThatTargetsAccount() {
        try (TargetAccount dev = connect(DEV); TargetAccount prod = connect(PROD)) {
            ExecutionPolicySync.sync(dev.policies(), policyArn(DEV), Samples.policy("s3:*"), false);
            ExecutionPolicySync.sync(prod.policies(), policyArn(PROD), Samples.policy("sqs:*"), false);

            assertThat(dev.policies().versions(policyArn(DEV))).isPresent();
            assertThat(prod.policies().versions(policyArn(PROD))).isPresent();
            assertThat(prod.policies().versions(policyArn(DEV))).isEmpty();
        }
        try (IamClient orchestratorIam = new TestClients(emulator()).build(IamClient.builder())) {
            assertThat(orchestratorIam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies()).isEmpty();
        }
    }

    @Test
    void aChangedDocumentBecomesTheDefaultAndTheOldestVersionIsPrunedAtFive() {
        try (TargetAccount dev = connect(DEV)) {
            PolicyStore iam = dev.policies();
            for (String action : new String[] {"a:*", "b:*", "c:*", "d:*", "e:*", "f:*"}) {
                ExecutionPolicySync.sync(iam, policyArn(DEV), Samples.policy(action), false);
            }

            var versions = iam.versions(policyArn(DEV)).orElseThrow();
            assertThat(versions).hasSize(5);
            assertThat(versions).extracting(PolicyStore.PolicyVersion::versionId).doesNotContain("v1");
            String defaultId = versions.stream().filter(PolicyStore.PolicyVersion::isDefault).findFirst().orElseThrow().versionId();
            assertThat(iam.document(policyArn(DEV), defaultId)).contains("f:*");
            assertThat(ExecutionPolicySync.sync(iam, policyArn(DEV), Samples.policy("f:*"), false).change())
                    .isEqualTo(ExecutionPolicySync.Change.UNCHANGED);
        }
    }

    @Test
    void aDocumentIamRefusesIsPolicyRejected() {
        String noAction = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}";
        try (TargetAccount dev = connect(DEV)) {
            assertThatThrownBy(() -> ExecutionPolicySync.sync(dev.policies(), policyArn(DEV), noAction, false))
                    .isInstanceOf(PolicyRejected.class);
        }
    }

    @Test
    void aDefaultRegionIsEnabledAndAnOptInRegionIsNot() {
        assumeTrue(emulator().supports("ec2-opt-in"), "no region opt-in status in this emulator");
        try (TargetAccount dev = connect(DEV)) {
            assertThat(dev.regionStatus("eu-west-1")).isEqualTo(TargetAccount.RegionStatus.ENABLED);
            assertThat(dev.regionStatus("ap-east-1")).isEqualTo(TargetAccount.RegionStatus.NOT_ENABLED);
        }
    }

    @Test
    void aMissingToolkitStackAndVersionParameterAreEmpty() {
        try (TargetAccount dev = connect(DEV)) {
            assertThat(dev.toolkit().stack("CDKToolkit")).isEmpty();
            assertThat(dev.toolkit().parameter("/cdk-bootstrap/hnb659fds/version")).isEmpty();
        }
    }

    /** A toolkit's retained staging bucket is seen in the target account (HeadBucket with the target role). */
    @Test
    void aStagingBucketIsFoundWhenItExists() {
        String bucket = "cdk-hnb659fds-assets-" + DEV + "-" + emulator().region();
        try (TargetAccount dev = connect(DEV)) {
            assertThat(dev.toolkit().bucketExists(bucket)).isFalse();
        }
        try (var s3 = new TestClients(emulator()).build(software.amazon.awssdk.services.s3.S3Client.builder()
                .forcePathStyle(true), accounts.credentials(DEV))) {
            s3.createBucket(r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(emulator().region())));
        }
        try (TargetAccount dev = connect(DEV)) {
            assertThat(dev.toolkit().bucketExists(bucket)).isTrue();
        }
    }

    @Test
    void theToolkitStackStatusParametersAndVersionAreReadInTheTargetAccount() {
        accounts.deployToolkit(DEV, PIPELINE, policyArn(DEV), "33");

        try (TargetAccount dev = connect(DEV); TargetAccount prod = connect(PROD)) {
            ToolkitInspector.StackState stack = dev.toolkit().stack("CDKToolkit").orElseThrow();
            assertThat(stack.status()).isEqualTo("CREATE_COMPLETE");
            assertThat(stack.parameters()).containsEntry("TrustedAccounts", PIPELINE)
                    .containsEntry("CloudFormationExecutionPolicies", policyArn(DEV));
            assertThat(stack.outputs()).containsEntry("BootstrapVersion", "33");
            assertThat(dev.toolkit().parameter("/cdk-bootstrap/hnb659fds/version")).contains("33");
            assertThat(prod.toolkit().stack("CDKToolkit")).isEmpty();
        }
    }
}
