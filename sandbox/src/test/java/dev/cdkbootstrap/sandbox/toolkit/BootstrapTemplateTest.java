package dev.cdkbootstrap.sandbox.toolkit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BootstrapTemplateTest {
    private static final Path ROOT = Path.of(System.getProperty("sandbox.projectRoot", "..")).toAbsolutePath().normalize();
    private static final BootstrapTemplate PINNED = BootstrapTemplate.pinned(ROOT);

    @Test
    void theVersionAndVariantAreReadFromThePinnedTemplate() throws Exception {
        JsonNode file = Json.tolerant().valueToTree(CloudFormationYaml.load(ROOT.resolve(BootstrapTemplate.LOCATION)));
        assertThat(PINNED.version()).isEqualTo(file.at("/Resources/CdkBootstrapVersion/Properties/Value").asInt());
        assertThat(PINNED.defaultVariant()).isEqualTo("AWS CDK: Default Resources");
        assertThat(PINNED.parameterDefaults()).containsEntry("Qualifier", "hnb659fds").containsEntry("TrustedAccounts", "");
    }

    @Test
    void theFullBodySetsTheVersionInTheSsmParameterAndTheOutputAndTheVariantDefault() throws Exception {
        JsonNode body = Json.tolerant().readTree(PINNED.full(30, "Acme"));
        assertThat(body.at("/Resources/CdkBootstrapVersion/Properties/Value").asText()).isEqualTo("30");
        assertThat(body.at("/Outputs/BootstrapVersion/Value").asText()).isEqualTo("30");
        assertThat(body.at("/Parameters/BootstrapVariant/Default").asText()).isEqualTo("Acme");
        assertThat(body.at("/Resources/StagingBucket").isMissingNode()).isFalse();
    }

    @Test
    void theMinimalBodyKeepsParametersOutputsAndTheSsmParameterOnly() throws Exception {
        JsonNode full = Json.tolerant().readTree(PINNED.full(PINNED.version(), PINNED.defaultVariant()));
        JsonNode minimal = Json.tolerant().readTree(PINNED.minimal(PINNED.version(), PINNED.defaultVariant()));
        assertThat(minimal.path("Parameters")).isEqualTo(full.path("Parameters"));
        assertThat(minimal.path("Outputs").properties()).extracting(e -> e.getKey())
                .containsExactlyElementsOf(full.path("Outputs").properties().stream().map(e -> e.getKey()).toList());
        assertThat(minimal.at("/Outputs/BucketName/Value")).isEqualTo(full.at("/Resources/StagingBucket/Properties/BucketName"));
        assertThat(minimal.path("Resources").properties()).extracting(e -> e.getKey())
                .containsExactlyInAnyOrder("CdkBootstrapVersion", "FileAssetsBucketEncryptionKey", "FileAssetsBucketEncryptionKeyAlias");
    }

    @Test
    void aFailedCreationHoldsNoToolkitResourceAndNoOutputs() throws Exception {
        JsonNode failed = Json.tolerant().readTree(PINNED.failedCreation("Acme"));
        assertThat(failed.at("/Parameters/BootstrapVariant/Default").asText()).isEqualTo("Acme");
        assertThat(failed.path("Outputs").isMissingNode()).isTrue();
        assertThat(failed.at("/Resources/RolledBack/Type").asText()).isEqualTo("AWS::CloudFormation::WaitConditionHandle");
    }
}
