package dev.cdkbootstrap.contract;

import static dev.cdkbootstrap.contract.PolicyEvaluation.Decision.DENY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.contract.PolicyEvaluation.Request;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.RunLayout;
import dev.cdkbootstrap.workflow.TargetLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Who may write what in the config bucket (docs/deploy.md, "Security model"): the config publishers
 * everything outside runs/ and locks/, the application's roles that write there the run artifacts and
 * the target leases, nobody else anything. Checked by evaluating the deployed bucket policy.
 */
class ConfigBucketPolicyContractTest {
    /** Every object write the policy must cover (content, deletion, ACL, tags, retention, restore, replication). */
    static final List<String> WRITES = List.of("s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl",
            "s3:PutObjectVersionAcl", "s3:PutObjectTagging", "s3:PutObjectVersionTagging", "s3:DeleteObjectTagging",
            "s3:DeleteObjectVersionTagging", "s3:PutObjectRetention", "s3:PutObjectLegalHold", "s3:RestoreObject",
            "s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags");

    private final ResolvedTemplate template = ResolvedTemplate.with();
    private final JsonNode policy = template.properties("ConfigBucketPolicy").path("PolicyDocument");
    private final String bucket = template.arn("ConfigBucket");
    private final String publisher = "arn:aws:iam::123456789012:role/ci-publisher";
    private final String administrator = "arn:aws:iam::123456789012:role/Administrator";

    @Test
    void aPublisherMayWriteTheConfigAndItsPolicyFilesAndNothingUnderRunsOrLocks() {
        for (String action : WRITES) {
            assertThat(decision(publisher, action, "cdk-app.yml")).as(action).isNotEqualTo(DENY);
            assertThat(decision("arn:aws:iam::123456789012:user/release-manager", action, "policies/dev.json")).as(action)
                    .isNotEqualTo(DENY);
            assertThat(decision(publisher, action, "runs/run-1/report.json")).as(action).isEqualTo(DENY);
            assertThat(decision(publisher, action, "locks/111111111111-eu-west-1-CDKToolkit.json")).as(action).isEqualTo(DENY);
        }
    }

    @Test
    void nobodyElseWritesTheConfigNotEvenTheAccountsAdministratorsOrTheApplication() {
        for (String action : WRITES) {
            assertThat(decision(administrator, action, "cdk-app.yml")).as(action).isEqualTo(DENY);
            assertThat(decision("arn:aws:iam::999999999999:role/ci-publisher", action, "cdk-app.yml"))
                    .as("a role of that name in another account: " + action).isEqualTo(DENY);
            for (String role : template.ofType("AWS::IAM::Role")) {
                assertThat(decision(template.roleArn(role), action, "cdk-app.yml")).as(role + " " + action).isEqualTo(DENY);
            }
        }
    }

    @Test
    void onlyTheRolesThatWriteRunArtifactsAndLeasesMayWriteThere() {
        assertThat(writersOf("runs/run-1/results/111111111111-eu-west-1.json"))
                .containsExactly("LoadConfigRole", "RecordResultRole", "StateMachineRole", "SummarizeRole");
        assertThat(writersOf("runs/run-1/approval/request.json")).containsExactly("LoadConfigRole", "RecordResultRole",
                "RequestApprovalRole", "ReviewChangesRole", "StateMachineRole", "SummarizeRole");
        assertThat(writersOf("locks/111111111111-eu-west-1-CDKToolkit.json")).containsExactly("PrepareTargetRole", "RecordResultRole");
        for (String action : WRITES) {
            assertThat(decision(administrator, action, "runs/run-1/report.md")).as(action).isEqualTo(DENY);
            assertThat(decision(administrator, action, "locks/x.json")).as(action).isEqualTo(DENY);
        }
    }

    /** No role loses a write its own policies grant, and no role is let through that does not write there. */
    @Test
    void theRolesLetThroughAreExactlyTheRolesWhosePoliciesWriteThere() {
        for (String key : List.of("runs/run-1/plan.json", "runs/run-1/approval/changes.json",
                "runs/run-1/approval/request.json", "locks/111111111111-eu-west-1-CDKToolkit.json", "cdk-app.yml")) {
            Set<String> granted = new TreeSet<>();
            for (String role : template.ofType("AWS::IAM::Role")) {
                for (String action : WRITES) {
                    if (PolicyEvaluation.identity(template.statementsOf(role), Request.byRole(template.roleArn(role), action,
                            bucket + "/" + key)) == PolicyEvaluation.Decision.ALLOW) {
                        granted.add(role);
                    }
                }
            }
            Set<String> letThrough = new TreeSet<>(writersOf(key));
            assertThat(letThrough).as("roles the bucket policy lets write " + key).isEqualTo(granted);
        }
    }

    @Test
    void theKeysTheFunctionsWriteAreUnderRunsAndLocks() {
        String run = RunLayout.runFolder(RunLayout.RUNS_ROOT, "run-1");
        for (String key : List.of(RunLayout.plan(run), RunLayout.targets(run), RunLayout.configErrors(run), RunLayout.report(run),
                RunLayout.reportMarkdown(run), RunLayout.result(run, "111111111111", "eu-west-1"),
                RunLayout.template(run, "ab".repeat(32)))) {
            assertThat(key).startsWith(RunLayout.RUNS_ROOT);
            assertThat(decision(template.roleArn("LoadConfigRole"), "s3:PutObject", key)).isNotEqualTo(DENY);
        }
        String lease = TargetLock.key(new Target("111111111111", "eu-west-1", "aws", List.of(), List.of(), List.of(),
                Target.DEFAULT_QUALIFIER, Target.DEFAULT_TOOLKIT_STACK_NAME, null, List.of()));
        assertThat(lease).startsWith("locks/");
        assertThat(decision(template.roleArn("PrepareTargetRole"), "s3:PutObject", lease)).isNotEqualTo(DENY);
        assertThat(decision(template.roleArn("RecordResultRole"), "s3:DeleteObject", lease)).isNotEqualTo(DENY);
        // The Map's ResultWriter writes under the run's prefix with the state machine's role.
        assertThat(decision(template.roleArn("StateMachineRole"), "s3:PutObject", run + "map/manifest.json")).isNotEqualTo(DENY);
    }

    /** A custom bootstrap template is copied into the run by LoadConfig and read by the build, before it assumes the target role. */
    @Test
    void theBuildRoleReadsTheRunsTemplatesAndNothingElseInTheBucket() {
        String build = template.roleArn("BootstrapBuildRole");
        String copy = RunLayout.template(RunLayout.runFolder("runs/", "run-1"), "ab".repeat(32));
        assertThat(readable(build, copy)).isTrue();
        assertThat(decision(build, "s3:GetObject", copy)).isNotEqualTo(DENY);
        for (String other : List.of("cdk-app.yml", "policies/dev.json", "runs/run-1/plan.json", "runs/run-1/targets.json",
                "locks/111111111111-eu-west-1-CDKToolkit.json")) {
            assertThat(readable(build, other)).as(other).isFalse();
        }
        for (String action : WRITES) {
            assertThat(decision(build, action, copy)).as(action).isEqualTo(DENY);
        }
    }

    private boolean readable(String role, String key) {
        String name = template.ofType("AWS::IAM::Role").stream().filter(r -> template.roleArn(r).equals(role)).findFirst()
                .orElseThrow();
        return PolicyEvaluation.identity(template.statementsOf(name), Request.byRole(role, "s3:GetObject", bucket + "/" + key))
                == PolicyEvaluation.Decision.ALLOW;
    }

    @Test
    void everyWriteIsDeniedWithoutTls() {
        Request publisherWrite = Request.byRole(publisher, "s3:PutObject", bucket + "/cdk-app.yml").with("aws:SecureTransport", "false");
        assertThat(PolicyEvaluation.resourcePolicy(policy, publisherWrite)).isEqualTo(DENY);
    }

    private PolicyEvaluation.Decision decision(String principal, String action, String key) {
        return PolicyEvaluation.resourcePolicy(policy, Request.byRole(principal, action, bucket + "/" + key));
    }

    /** Roles of the template the bucket policy does not deny any write of {@code key}, sorted. */
    private List<String> writersOf(String key) {
        List<String> writers = new ArrayList<>();
        for (String role : template.ofType("AWS::IAM::Role")) {
            if (WRITES.stream().noneMatch(action -> decision(template.roleArn(role), action, key) == DENY)) {
                writers.add(role);
            }
        }
        return writers.stream().sorted().toList();
    }
}
