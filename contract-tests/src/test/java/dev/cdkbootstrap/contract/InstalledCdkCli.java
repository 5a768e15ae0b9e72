package dev.cdkbootstrap.contract;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the CDK CLI {@code npm ci} installed says about itself, asked the CLI's own way (no file of its
 * package read here): {@code cdk --version} and the template {@code cdk bootstrap --show-template}
 * prints, whose version is where the CLI reads it (its bootstrapVersionFromTemplate: the
 * {@code BootstrapVersion} output's Value, else the {@code CdkBootstrapVersion} resource's Value).
 * Asked once per test JVM (each call starts node: seconds).
 */
final class InstalledCdkCli {
    record Values(String version, int templateVersion) {}

    private static Values values;

    private InstalledCdkCli() {}

    static synchronized Values values() {
        if (values == null) {
            values = ask();
        }
        return values;
    }

    private static Values ask() {
        Path cdk = ProjectFiles.path("node_modules/.bin/cdk");
        if (!Files.isExecutable(cdk)) {
            throw new IllegalStateException(cdk + " is missing: run `npm ci` in " + ProjectFiles.root());
        }
        try {
            Path home = Files.createTempDirectory("cdk-home");
            Map<String, String> env = new HashMap<>(System.getenv());
            env.putAll(Map.of("HOME", home.toString(), "CDK_DISABLE_VERSION_CHECK", "1", "CDK_DISABLE_CLI_TELEMETRY", "true"));
            var version = Processes.run(List.of(cdk.toString(), "--version"), home, env);
            if (version.exitCode() != 0) {
                throw new IllegalStateException("cdk --version failed:\n" + version.output());
            }
            Path template = home.resolve("bootstrap-template.yaml");
            var shown = Processes.run(List.of("bash", "-c", "\"$0\" bootstrap --show-template --no-notices > \"$1\"",
                    cdk.toString(), template.toString()), home, env);
            if (shown.exitCode() != 0) {
                throw new IllegalStateException("cdk bootstrap --show-template failed:\n" + shown.output());
            }
            return new Values(version.output().strip().split("\\s+")[0], templateVersion(CloudFormationYaml.read(template)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int templateVersion(JsonNode template) {
        for (JsonNode value : List.of(template.at("/Outputs/BootstrapVersion/Value"),
                template.at("/Resources/CdkBootstrapVersion/Properties/Value"))) {
            if (value.isNumber() || value.asText().matches("\\d+")) {
                return value.asInt();
            }
        }
        throw new IllegalStateException("the template cdk bootstrap --show-template prints has no version where the"
                + " CLI reads it");
    }
}
