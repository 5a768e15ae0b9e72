package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.workflow.ExecutionPolicySync.Change;
import dev.cdkbootstrap.workflow.error.PolicyRejected;
import dev.cdkbootstrap.workflow.inmemory.InMemoryPolicyStore;
import org.junit.jupiter.api.Test;

class ExecutionPolicySyncTest {
    private final InMemoryPolicyStore iam = new InMemoryPolicyStore("111111111111");
    private final String arn = iam.arn("mlops-cdk-exec-eu-west-1");

    private static String doc(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}";
    }

    @Test
    void createsThePolicyWhenAbsent() {
        var result = ExecutionPolicySync.sync(iam, arn, doc("s3:*"), false);

        assertThat(result.change()).isEqualTo(Change.CREATED);
        assertThat(iam.defaultDocument(arn)).isEqualTo(doc("s3:*"));
    }

    @Test
    void theSameDocumentWithOtherFormattingAndKeyOrderIsUnchanged() {
        ExecutionPolicySync.sync(iam, arn, doc("s3:*"), false);
        String reformatted = "{ \"Statement\": [ {\"Resource\": \"*\", \"Action\": \"s3:*\", \"Effect\": \"Allow\"} ],\n \"Version\": \"2012-10-17\" }";

        var result = ExecutionPolicySync.sync(iam, arn, reformatted, false);

        assertThat(result.change()).isEqualTo(Change.UNCHANGED);
        assertThat(iam.documents(arn)).hasSize(1);
    }

    @Test
    void aChangedDocumentBecomesTheNewDefaultVersion() {
        ExecutionPolicySync.sync(iam, arn, doc("s3:*"), false);

        var result = ExecutionPolicySync.sync(iam, arn, doc("sqs:*"), false);

        assertThat(result.change()).isEqualTo(Change.UPDATED);
        assertThat(iam.defaultDocument(arn)).isEqualTo(doc("sqs:*"));
        assertThat(iam.documents(arn)).hasSize(2);
    }

    @Test
    void atFiveVersionsTheOldestNonDefaultVersionIsDeletedFirst() {
        for (String action : new String[] {"a:*", "b:*", "c:*", "d:*", "e:*"}) {
            ExecutionPolicySync.sync(iam, arn, doc(action), false);
        }

        ExecutionPolicySync.sync(iam, arn, doc("f:*"), false);

        assertThat(iam.documents(arn)).containsExactly(doc("b:*"), doc("c:*"), doc("d:*"), doc("e:*"), doc("f:*"));
        assertThat(iam.defaultDocument(arn)).isEqualTo(doc("f:*"));
    }

    @Test
    void aDryRunReportsTheChangeAndWritesNothing() {
        var created = ExecutionPolicySync.sync(iam, arn, doc("s3:*"), true);

        assertThat(created.change()).isEqualTo(Change.CREATED);
        assertThat(created.describe(true)).isEqualTo("would create execution policy mlops-cdk-exec-eu-west-1");
        assertThat(iam.versions(arn)).isEmpty();
        assertThat(iam.writes).isZero();
    }

    @Test
    void aDocumentThatIsNotAnIamPolicyIsRejectedBeforeAnyWrite() {
        assertThatThrownBy(() -> ExecutionPolicySync.sync(iam, arn, "{\"Statement\": []}", false))
                .isInstanceOf(PolicyRejected.class)
                .hasMessageContaining("Version and Statement");
        assertThatThrownBy(() -> ExecutionPolicySync.sync(iam, arn, "{not json", false))
                .isInstanceOf(PolicyRejected.class)
                .hasMessageContaining("not valid JSON");
        assertThat(iam.writes).isZero();
    }

    @Test
    void thePolicyNameIsTheLastSegmentOfTheArn() {
        assertThat(ExecutionPolicySync.policyName("arn:aws:iam::1:policy/path/x-exec-eu-west-1"))
                .isEqualTo("x-exec-eu-west-1");
    }
}
