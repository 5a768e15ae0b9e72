package dev.cdkbootstrap.contract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.handler.PinnedCdkCli;
import dev.cdkbootstrap.support.CloudFormationYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One knob (docs/deploy.md, "Upgrading the CDK CLI"): the aws-cdk pin of package.json. The template
 * has no CDK or template version parameter or variable; the values the build derived into the package
 * are the installed CLI's own; `sam build` builds where the CLI is visible; a build without the CLI
 * fails naming the fix.
 */
class PinnedCdkCliContractTest {
    private static final JsonNode TEMPLATE = CloudFormationYaml.read(ProjectFiles.path("template.yaml"));
    private static final Pattern VERSION_KNOB = Pattern.compile("(?i).*(cdk.*version|template.*version|bootstrap.*version).*");

    @Test
    void theTemplateHasNoVersionParameterAndNoFunctionAVersionVariable() {
        List<String> parameters = new ArrayList<>();
        TEMPLATE.path("Parameters").fieldNames().forEachRemaining(parameters::add);
        assertThat(parameters).isNotEmpty().noneMatch(name -> VERSION_KNOB.matcher(name).matches());
        List<JsonNode> environments = new ArrayList<>(List.of(TEMPLATE.at("/Globals/Function/Environment/Variables")));
        TEMPLATE.path("Resources").forEach(r -> environments.add(r.at("/Properties/Environment/Variables")));
        environments.forEach(variables -> assertThat(variables.has("CDK_VERSION") || variables.has("CDK_BOOTSTRAP_TEMPLATE_VERSION"))
                .as("a function environment with a CDK version variable: " + variables).isFalse());
    }

    @Test
    void thePackagedValuesAreTheInstalledClisOwn() {
        InstalledCdkCli.Values cli = InstalledCdkCli.values();
        String pinned = ProjectFiles.json("package.json").at("/devDependencies/aws-cdk").asText();

        assertThat(cli.version()).as("npm ci installed the pin").isEqualTo(pinned);
        assertThat(PinnedCdkCli.packaged()).isEqualTo(new PinnedCdkCli(cli.version(), cli.templateVersion()));
    }

    @Test
    void samBuildsInSourceOneFunctionAtATimeWithoutItsCache() {
        String samconfig = ProjectFiles.text("samconfig.toml");
        String build = samconfig.substring(samconfig.indexOf("[default.build.parameters]"));
        build = build.substring(0, build.indexOf("\n[", 1) < 0 ? build.length() : build.indexOf("\n[", 1));
        assertThat(build).containsPattern("(?m)^build_in_source = true$").containsPattern("(?m)^parallel = false$")
                .containsPattern("(?m)^cached = false$");
    }

    @Test
    void aBuildWithoutTheInstalledCliFailsSayingToRunNpmCi(@TempDir Path emptyRoot) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var result = Processes.run(List.of(java, "-cp", System.getProperty("java.class.path"),
                ProjectFiles.path("functions/src/build/PinnedCdkCliResource.java").toString(), emptyRoot.toString(),
                emptyRoot.resolve("cdk-cli.properties").toString()), emptyRoot, Map.copyOf(System.getenv()));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output()).contains("the pinned CDK CLI is not installed", "Run `npm ci` in the repository root",
                "build_in_source = true");
        assertThat(emptyRoot.resolve("cdk-cli.properties")).doesNotExist();
    }
}
