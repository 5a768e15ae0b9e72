package dev.cdkbootstrap.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PinnedCdkCliTest {

    private static PinnedCdkCli read(String properties) throws IOException {
        return PinnedCdkCli.read(new ByteArrayInputStream(properties.getBytes(StandardCharsets.UTF_8)), "cdk-cli.properties");
    }

    @Test
    void readsTheVersionAndTheTemplateVersionTheBuildWrote() throws IOException {
        PinnedCdkCli cli = read("# derived\ncdk.cli.version=2.1148.1\ncdk.bootstrap.templateVersion=33\n");

        assertThat(cli).isEqualTo(new PinnedCdkCli("2.1148.1", 33));
        assertThat(cli).hasToString("aws-cdk 2.1148.1 (bootstrap template version 33)");
    }

    @Test
    void theBuildsResourceIsOnTheClassPath() {
        // functions/pom.xml (pinned-cdk-cli) wrote it into target/classes before the tests ran; that its values
        // are the installed CLI's own is LambdaPackageContractTest's and PinnedCdkCliContractTest's concern.
        assertThat(PinnedCdkCli.packaged().templateVersion()).isPositive();
    }

    @Test
    void aPackageWithoutTheResourceSaysHowToBuildIt() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> PinnedCdkCli.packaged(empty)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the Lambda package has no dev/cdkbootstrap/cdk-cli.properties")
                    .hasMessageContaining("run `npm ci` in the repository root");
        }
    }

    @Test
    void aMissingKeyIsNamed() {
        assertThatThrownBy(() -> read("cdk.cli.version=2.1148.1\n")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cdk-cli.properties has no cdk.bootstrap.templateVersion");
        assertThatThrownBy(() -> read("cdk.cli.version=\ncdk.bootstrap.templateVersion=33\n"))
                .hasMessageStartingWith("cdk-cli.properties has no cdk.cli.version");
    }

    @Test
    void malformedValuesAreNamed() {
        assertThatThrownBy(() -> read("cdk.cli.version=2.1148.1\ncdk.bootstrap.templateVersion=thirty\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cdk-cli.properties: cdk.bootstrap.templateVersion is not a number: thirty");
        assertThatThrownBy(() -> read("cdk.cli.version=^2.1148.1\ncdk.bootstrap.templateVersion=33\n"))
                .hasMessageStartingWith("cdk-cli.properties: the CDK CLI version '^2.1148.1' is not an npm version");
        assertThatThrownBy(() -> read("cdk.cli.version=2.1148.1\ncdk.bootstrap.templateVersion=0\n"))
                .hasMessage("cdk-cli.properties: the bootstrap template version 0 is below 1");
    }
}
