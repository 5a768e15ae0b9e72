package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.sandbox.toolkit.BootstrapTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * One test per row of the decision table (docs/workflow.md): fourteen targets, each given the toolkit
 * that hits one row (src/test/resources/e2e/decision-table/given.yml), one real run with the real CDK
 * CLI. Each test checks what report.json claims and what the emulator holds afterwards.
 */
class DecisionTableE2E {
    private static final String REGION = "eu-west-1";
    private static final String PIPELINE = "111111111111";
    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static E2ESupport.Session session;
    private static Map<String, JsonNode> report;
    private static int pinned;

    @BeforeAll
    static void run() throws Exception {
        pinned = BootstrapTemplate.pinned(E2ESupport.projectRoot()).version();
        session = E2ESupport.open("decision-table",
                "--config", E2ESupport.resource("decision-table/cdk-app.yml").toString(),
                "--given", E2ESupport.resource("decision-table/given.yml").toString());
        report = E2ESupport.targets(session.run(0));
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    private static JsonNode target(String account) {
        return report.get(account + "/" + REGION);
    }

    private static Stack stack(String account) {
        return session.toolkitStack(account, REGION);
    }

    private static String output(String account, String key) {
        return stack(account).outputs().stream().filter(o -> o.outputKey().equals(key)).map(Output::outputValue)
                .findFirst().orElse(null);
    }

    private static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void bootstrappedAndVerified(String account, String code, List<String> trust) {
        JsonNode t = target(account);
        assertThat(t.path("outcome").asText()).as(t.toString()).isEqualTo("BOOTSTRAPPED");
        assertThat(t.path("reasonCode").asText()).isEqualTo(code);
        assertThat(t.path("buildId").isNull()).isFalse();
        assertThat(t.path("observed").path("version").asInt()).isEqualTo(pinned);
        assertThat(list(t.path("observed").path("trust"))).containsExactlyElementsOf(trust);
        // the emulator agrees with the report
        assertThat(output(account, "BootstrapVersion")).isEqualTo(Integer.toString(pinned));
        assertThat(session.bootstrapVersion(account, REGION)).isEqualTo(Integer.toString(pinned));
        assertThat(session.stackParameter(account, REGION, "TrustedAccounts")).isEqualTo(String.join(",", trust));
        assertThat(session.stackParameter(account, REGION, "CloudFormationExecutionPolicies")).isEqualTo(READ_ONLY);
    }

    private static void failedWithoutABuild(String account, String code) {
        JsonNode t = target(account);
        assertThat(t.path("outcome").asText()).as(t.toString()).isEqualTo("FAILED");
        assertThat(t.path("reasonCode").asText()).isEqualTo(code);
        assertThat(t.path("buildId").isNull()).as("no build for " + account).isTrue();
    }

    @Test
    void noStackIsCreated() {
        bootstrappedAndVerified(PIPELINE, "TOOLKIT_MISSING", List.of());
        bootstrappedAndVerified("240000000002", "TOOLKIT_MISSING", List.of(PIPELINE, "240000000001"));
    }

    @Test
    void aDeletedToolkitWhoseStagingBucketWasRetainedIsNotBuiltIntoTheCollision() {
        failedWithoutABuild("250000000001", "TOOLKIT_LEFTOVERS");
        assertThat(target("250000000001").path("observed").path("stackStatus").isNull()).isTrue();
        assertThat(list(target("250000000001").path("observed").path("leftovers")))
                .containsExactly("S3 bucket cdk-hnb659fds-assets-250000000001-eu-west-1");
        assertThat(target("250000000001").path("reason").asText())
                .contains("aws s3 rb s3://cdk-hnb659fds-assets-250000000001-eu-west-1 --force");
        assertThat(session.in("250000000001", REGION).s3()
                .headBucket(b -> b.bucket("cdk-hnb659fds-assets-250000000001-eu-west-1")).sdkHttpResponse().isSuccessful())
                .as("the bucket is still there").isTrue();
    }

    @Test
    void aStackLeftInReviewIsCreated() {
        bootstrappedAndVerified("210000000001", "TOOLKIT_MISSING", List.of(PIPELINE));
        assertThat(stack("210000000001").stackStatusAsString()).isIn("CREATE_COMPLETE", "UPDATE_COMPLETE");
    }

    @Test
    void aStackWhoseCreationFailedIsDeletedAndCreatedAgain() {
        bootstrappedAndVerified("210000000002", "TOOLKIT_FAILED_CREATE", List.of(PIPELINE, "210000000001"));
        assertThat(target("210000000002").path("reason").asText()).contains("ROLLBACK_COMPLETE");
    }

    @Test
    void aStackThatStaysBusyIsWaitedForThenFailedAsBusy() {
        failedWithoutABuild("210000000003", "TOOLKIT_BUSY");
        assertThat(target("210000000003").path("reason").asText()).contains("UPDATE_IN_PROGRESS", "still busy after");
        assertThat(target("210000000003").path("observed").path("stackStatus").asText()).isEqualTo("UPDATE_IN_PROGRESS");
        assertThat(target("210000000003").path("durationSeconds").asLong()).as("waited the sandbox's two minutes")
                .isGreaterThanOrEqualTo(120);
        assertThat(stack("210000000003").stackStatusAsString()).isEqualTo("UPDATE_IN_PROGRESS");
    }

    @Test
    void aStackOnlyAPersonCanRepairIsLeftAloneWithAdvice() {
        failedWithoutABuild("220000000001", "TOOLKIT_NEEDS_OPERATOR");
        assertThat(target("220000000001").path("reason").asText()).contains("continue-update-rollback");
        assertThat(stack("220000000001").stackStatusAsString()).isEqualTo("UPDATE_ROLLBACK_FAILED");
    }

    @Test
    void aCustomTemplateIsNotOverwritten() {
        failedWithoutABuild("220000000002", "TOOLKIT_CUSTOM_VARIANT");
        assertThat(target("220000000002").path("observed").path("variant").asText()).isEqualTo("Acme: hardened");
        assertThat(session.stackParameter("220000000002", REGION, "BootstrapVariant")).isEqualTo("Acme: hardened");
    }

    @Test
    void aDefaultNamedStackHoldingAnotherQualifierIsNoticed() {
        failedWithoutABuild("220000000003", "TOOLKIT_QUALIFIER_MISMATCH");
        assertThat(target("220000000003").path("observed").path("qualifier").asText()).isEqualTo("other1");
        assertThat(session.stackParameter("220000000003", REGION, "Qualifier")).isEqualTo("other1");
    }

    @Test
    void aNewerToolkitWithOtherSettingsAsksForANewerCli() {
        failedWithoutABuild("230000000001", "TOOLKIT_NEWER_THAN_PINNED");
        assertThat(target("230000000001").path("observed").path("version").asInt()).isEqualTo(40);
        assertThat(output("230000000001", "BootstrapVersion")).isEqualTo("40");
        assertThat(session.stackParameter("230000000001", REGION, "TrustedAccounts")).isEqualTo("999999999999");
    }

    @Test
    void aDeletedSsmVersionIsDriftNoBuildWouldRepair() {
        failedWithoutABuild("230000000002", "TOOLKIT_DRIFTED");
        assertThat(target("230000000002").path("observed").path("ssmVersion").isNull()).isTrue();
        assertThat(target("230000000002").path("reason").asText()).contains("aws ssm put-parameter");
        assertThatThrownBy(() -> session.bootstrapVersion("230000000002", REGION))
                .isInstanceOf(ParameterNotFoundException.class);
    }

    @Test
    void anOutdatedToolkitIsUpgradedToThePinnedVersion() {
        bootstrappedAndVerified("230000000003", "TOOLKIT_OUTDATED", List.of(PIPELINE, "230000000001"));
        assertThat(target("230000000003").path("reason").asText()).startsWith("updated from version 30 to " + pinned);
    }

    @Test
    void otherTrustIsReplacedAndTheUnwantedAccountUntrusted() {
        bootstrappedAndVerified("240000000001", "SETTINGS_DIFFER", List.of(PIPELINE));
        assertThat(target("240000000001").path("reason").asText()).contains("999999999999");
    }

    @Test
    void anUpToDateToolkitIsSkipped() {
        JsonNode t = target("240000000003");
        assertThat(t.path("outcome").asText()).isEqualTo("SKIPPED");
        assertThat(t.path("reasonCode").asText()).isEqualTo("UP_TO_DATE");
        assertThat(t.path("buildId").isNull()).isTrue();
    }

    @Test
    void onlyTheBootstrapRowsBuiltAndTheRunFailedForTheOthers() {
        assertThat(session.buildsStarted()).as("pipeline, 210000000001/2, 230000000003, 240000000001/2").isEqualTo(6);
        assertThat(session.run(0).status()).isEqualTo("FAILED");
        assertThat(session.printed()).contains("TOOLKIT_QUALIFIER_MISMATCH").contains("TOOLKIT_NEWER_THAN_PINNED");
        assertThat(report).hasSize(14);
        String bucket = session.session().deployment().configBucket();
        assertThat(session.session().sandbox().clients().s3().listObjectsV2(b -> b.bucket(bucket).prefix("locks/"))
                .keyCount()).as("every lease was given back").isZero();
    }
}
