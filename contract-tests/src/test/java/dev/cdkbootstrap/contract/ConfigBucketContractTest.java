package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.support.CloudFormationYaml;
import dev.cdkbootstrap.workflow.RunLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The config bucket holds the operator's config and the run history: private, durable, TLS only. */
class ConfigBucketContractTest {
    private final JsonNode resources = CloudFormationYaml.read(ProjectFiles.path("template.yaml")).path("Resources");
    private final JsonNode bucket = resources.path("ConfigBucket").path("Properties");

    @Test
    void isVersioned() {
        assertThat(bucket.path("VersioningConfiguration").path("Status").asText()).isEqualTo("Enabled");
    }

    @Test
    void encryptsEveryObjectByDefault() {
        JsonNode rules = bucket.path("BucketEncryption").path("ServerSideEncryptionConfiguration");
        assertThat(rules).isNotEmpty();
        for (JsonNode rule : rules) {
            assertThat(rule.path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText())
                    .isIn("AES256", "aws:kms", "aws:kms:dsse");
        }
    }

    @Test
    void blocksAllPublicAccess() {
        JsonNode block = bucket.path("PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertThat(block.path(setting).isBoolean() && block.path(setting).asBoolean()).as(setting).isTrue();
        }
    }

    @Test
    void policyDeniesEveryRequestWithoutTls() {
        List<JsonNode> denials = new ArrayList<>();
        resources.properties().forEach(e -> {
            JsonNode policy = e.getValue();
            if ("AWS::S3::BucketPolicy".equals(policy.path("Type").asText())
                    && "ConfigBucket".equals(policy.path("Properties").path("Bucket").path("Ref").asText())) {
                policy.path("Properties").path("PolicyDocument").path("Statement").forEach(denials::add);
            }
        });
        assertThat(denials).as("statements of the ConfigBucket's bucket policy").anySatisfy(statement -> {
            assertThat(statement.path("Effect").asText()).isEqualTo("Deny");
            assertThat(statement.path("Principal").asText()).isEqualTo("*");
            assertThat(statement.path("Action").asText()).isEqualTo("s3:*");
            assertThat(statement.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
            List<String> targets = new ArrayList<>();
            statement.path("Resource").forEach(r -> targets.add(r.toString()));
            assertThat(targets).containsExactlyInAnyOrder("{\"Fn::GetAtt\":[\"ConfigBucket\",\"Arn\"]}",
                    "{\"Fn::Sub\":\"${ConfigBucket.Arn}/*\"}");
        });
    }

    @Test
    void sendsObjectEventsToEventBridge() {
        assertThat(bucket.path("NotificationConfiguration").path("EventBridgeConfiguration")
                .path("EventBridgeEnabled").asBoolean()).isTrue();
    }

    @Test
    void expiresRunArtifactsAfterTheRetentionParameter() {
        assertThat(bucket.path("LifecycleConfiguration").path("Rules")).anySatisfy(rule -> {
            assertThat(rule.path("Status").asText()).isEqualTo("Enabled");
            String prefix = rule.has("Prefix") ? rule.path("Prefix").asText()
                    : rule.path("Filter").path("Prefix").asText();
            assertThat(prefix).isEqualTo(RunLayout.RUNS_ROOT);
            assertThat(rule.path("ExpirationInDays").path("Ref").asText()).isEqualTo("RunArtifactRetentionDays");
        });
    }

    /**
     * The runs root is one constant ({@link RunLayout#RUNS_ROOT}): no function variable restates it, and
     * every IAM resource in the config bucket is the whole bucket, the leases or under that constant.
     */
    @Test
    void everyGrantUnderTheBucketNamesTheRunsRootTheCodeWritesUnder() {
        JsonNode template = CloudFormationYaml.read(ProjectFiles.path("template.yaml"));
        assertThat(template.path("Globals").path("Function").path("Environment").path("Variables").has("RUN_PREFIX")).isFalse();
        List<String> keys = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\$\\{ConfigBucket\\.Arn}/([^\"]*)").matcher(template.toString());
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        assertThat(keys).anyMatch(k -> k.startsWith(RunLayout.RUNS_ROOT))
                .allMatch(k -> k.equals("*") || k.startsWith("locks/") || k.startsWith(RunLayout.RUNS_ROOT));
    }
}
