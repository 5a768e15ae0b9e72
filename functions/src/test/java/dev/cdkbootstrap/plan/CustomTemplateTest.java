package dev.cdkbootstrap.plan;

import static dev.cdkbootstrap.plan.Planning.compact;
import static dev.cdkbootstrap.plan.Planning.errors;
import static dev.cdkbootstrap.plan.Planning.pipelineBootstrap;
import static dev.cdkbootstrap.plan.Planning.planned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.cdkbootstrap.config.ConfigValidationException;
import dev.cdkbootstrap.workflow.Configs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code template}: a custom bootstrap template beside cdk-app.yml, read and checked like a policy file. */
class CustomTemplateTest {
    private static final String B = "cdk_app_config.pipeline.bootstrap.";

    /**
     * configs/team-template.yaml (shared with RunTemplatesTest): declares every parameter the CLI may pass;
     * its Output is an intrinsic, so the version comes from the resource.
     */
    static final String TEMPLATE = Configs.text("team-template.yaml");

    @TempDir
    Path dir;

    private static String template(String path) {
        return pipelineBootstrap("template: " + path);
    }

    private static List<String> rejected(String template, String content) {
        return compact(errors(template("t.yaml"), Map.of("t.yaml", content)));
    }

    @Test
    void aYamlTemplateWithShortFormTagsIsReadAndCarriedBesideThePlan() throws Exception {
        PlannedConfig planned = planned(template("./templates//t.yaml"), Map.of("templates/t.yaml", TEMPLATE));
        Target t = planned.plan().targets().get(0);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(TEMPLATE.getBytes(StandardCharsets.UTF_8)));
        assertThat(t.settings().template()).isEqualTo(
                new ToolkitSettings.CustomTemplate("templates/t.yaml", sha, "Team: hardened", 33));
        assertThat(planned.templates()).containsExactly(Map.entry("templates/t.yaml", TEMPLATE));
        assertThat(t.bootstrapCommand()).endsWith("--template", "templates/t.yaml");
    }

    @Test
    void aJsonTemplateWithoutAVariantHasTheCdkDefaultVariant() {
        String json = """
                {"Parameters": {"CloudFormationExecutionPolicies": {"Type": "CommaDelimitedList"},
                  "PublicAccessBlockConfiguration": {"Type": "String"}, "FileAssetsBucketKmsKeyId": {"Type": "String"}},
                 "Resources": {"CdkBootstrapVersion": {"Type": "AWS::SSM::Parameter", "Properties": {"Value": "12"}}},
                 "Outputs": {"BootstrapVersion": {"Value": 34}}}
                """;
        ToolkitSettings.CustomTemplate t = planned(template("t.json"), Map.of("t.json", json)).plan().targets().get(0)
                .settings().template();
        assertThat(t.variant()).isEqualTo("AWS CDK: Default Resources");
        assertThat(t.version()).isEqualTo(34);
    }

    @Test
    void thePinnedCliOwnTemplateIsReadAsTheCliReadsIt() throws Exception {
        Path cdk = Path.of("../node_modules/aws-cdk/lib/api/bootstrap/bootstrap-template.yaml");
        assumeThat(cdk).as("the pinned CDK CLI under ../node_modules (npm ci)").exists();
        String text = Files.readString(cdk);
        Matcher declared = Pattern.compile("CdkBootstrapVersion:[\\s\\S]*?Value: '([0-9]+)'").matcher(text);
        assertThat(declared.find()).isTrue();
        TemplateFacts facts = TemplateFacts.of(text);
        assertThat(facts.version()).isEqualTo(Integer.parseInt(declared.group(1)));
        assertThat(facts.variant()).isEqualTo("AWS CDK: Default Resources");
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Templates.MAX_TEMPLATE_BYTES);
    }

    @Test
    void thePathFollowsThePolicyFileRules() {
        assertThat(compact(errors(template("/etc/t.yaml")))).containsExactly("6:17 " + B + "template: template "
                + "\"/etc/t.yaml\" must be relative to the folder that holds cdk-app.yml, not absolute");
        assertThat(compact(errors(template("a/../../t.yaml")))).containsExactly("6:17 " + B + "template: template "
                + "\"a/../../t.yaml\" must not climb out of the folder that holds cdk-app.yml (..)");
        assertThat(compact(errors(template("\"-t.yaml\"")))).containsExactly("6:17 " + B + "template: template "
                + "\"-t.yaml\" must not start with '-' (the CDK CLI would read it as an option); rename the file");
    }

    @Test
    void aMissingTemplateIsAnErrorNeverAFallback() {
        assertThat(compact(errors(template("t.yaml")))).containsExactly(
                "6:17 " + B + "template: template \"t.yaml\" not found in the folder that holds cdk-app.yml");
    }

    @Test
    void aTemplateOverCloudFormationsBodyLimitIsAnError() {
        String exact = TEMPLATE + "#" + "x".repeat(Templates.MAX_TEMPLATE_BYTES - TEMPLATE.length() - 2) + "\n";
        assertThat(exact.getBytes(StandardCharsets.UTF_8)).hasSize(51_200);
        assertThat(planned(template("t.yaml"), Map.of("t.yaml", exact)).plan().targets()).hasSize(1);
        assertThat(rejected(template("t.yaml"), exact + "\n")).containsExactly("6:17 " + B + "template: template "
                + "\"t.yaml\" is 51201 bytes; the limit is 51200 (CloudFormation's template body limit: the CDK CLI "
                + "cannot upload a toolkit template to S3)");
    }

    @Test
    void aTemplateThatIsNotUtf8IsAnError() throws Exception {
        Files.write(dir.resolve("t.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
        byte[] yaml = template("t.yaml").getBytes(StandardCharsets.UTF_8);
        try {
            ConfigPlanner.plan(Planning.FILE, yaml, new DirectoryPolicyFiles(dir));
            throw new AssertionError("planned a template that is not UTF-8");
        } catch (ConfigValidationException e) {
            assertThat(compact(e.errors())).containsExactly(
                    "6:17 " + B + "template: template \"t.yaml\" is not valid UTF-8");
        }
    }

    @Test
    void aTemplateThatDoesNotParseOrIsNotAMappingIsAnError() {
        assertThat(rejected(template("t.yaml"), "Resources: [a\n")).singleElement().asString()
                .startsWith("6:17 " + B + "template: template \"t.yaml\" is not valid YAML: line 2, column 1: YAML syntax:");
        assertThat(rejected(template("t.yaml"), "{\"Resources\": }")).singleElement().asString()
                .startsWith("6:17 " + B + "template: template \"t.yaml\" is not valid JSON (line 1, column 15): ");
        assertThat(rejected(template("t.yaml"), "- a\n")).containsExactly("6:17 " + B + "template: template \"t.yaml\" "
                + "is not a CloudFormation template: expected a mapping at the top");
        assertThat(rejected(template("t.yaml"), "a: !!python/object:os.system x\n")).containsExactly("6:17 " + B
                + "template: template \"t.yaml\" is not valid YAML: line 1, column 4: YAML syntax: Global tag is not "
                + "allowed: tag:yaml.org,2002:python/object:os.system");
    }

    @Test
    void aTemplateWithoutAReadableVersionOfAtLeastOneIsAnError() {
        String noVersion = TEMPLATE.replace("Value: '33'", "Value: !Sub '33'");
        String why = "6:17 " + B + "template: template \"t.yaml\" has no bootstrap version: neither "
                + "Outputs.BootstrapVersion.Value nor Resources.CdkBootstrapVersion.Properties.Value is a whole number of "
                + "at least 1 (the CDK CLI would bootstrap it the legacy way, without trust or execution policies)";
        assertThat(rejected(template("t.yaml"), noVersion)).containsExactly(why);
        assertThat(rejected(template("t.yaml"), TEMPLATE.replace("Value: '33'", "Value: '33abc'"))).containsExactly(why);
        assertThat(rejected(template("t.yaml"), TEMPLATE.replace("Value: '33'", "Value: 0"))).containsExactly(why);
        assertThat(rejected(template("t.yaml"), "Resources: {}\n")).containsExactly(why);
    }

    @Test
    void aTemplateMustDeclareEveryParameterTheCliPasses() {
        String minimal = TEMPLATE.replace("  TrustedAccountsForLookup: {Type: CommaDelimitedList, Default: \"\"}\n", "")
                .replace("  InputPermissionsBoundary: {Type: String, Default: \"\"}\n", "");
        assertThat(planned(template("t.yaml"), Map.of("t.yaml", minimal)).plan().targets()).hasSize(1);
        assertThat(compact(errors(pipelineBootstrap("template: t.yaml", "trust_for_lookup: [\"222222222222\"]",
                "permissions_boundary: pb"), Map.of("t.yaml", minimal)))).containsExactly("6:17 " + B + "template: "
                + "template \"t.yaml\" does not declare the parameters TrustedAccountsForLookup, InputPermissionsBoundary "
                + "that the CDK CLI passes for target 111111111111/eu-west-1; add them to its Parameters");
    }

    @Test
    void aKeyArnOrAliasIsAcceptedWithACustomTemplate() {
        Target t = planned(pipelineBootstrap("template: t.yaml", "kms_key: alias/team"), Map.of("t.yaml", TEMPLATE))
                .plan().targets().get(0);
        assertThat(t.settings().kmsKey()).isEqualTo("alias/team");
        assertThat(t.bootstrapCommand()).containsSequence("--bootstrap-kms-key-id", "alias/team", "--template", "t.yaml");
    }

    @Test
    void aTemplateNamedOnceForManyTargetsIsReadOnceAndABadOneReportedOnce() {
        String yaml = """
                cdk_app_config:
                  bootstrap: {template: t.yaml}
                  pipeline: {account: "111111111111", region: eu-west-1}
                  deployments:
                    - set_name: a
                      stages: [{stage_name: dev, account: "222222222222"}, {stage_name: prod, account: "333333333333"}]
                """;
        List<String> reads = new ArrayList<>();
        PolicyFiles counting = path -> {
            reads.add(path);
            return path.equals("t.yaml") ? Optional.of(TEMPLATE) : Optional.empty();
        };
        PlannedConfig planned = ConfigPlanner.plan(Planning.FILE, yaml.getBytes(StandardCharsets.UTF_8), counting);
        assertThat(planned.plan().targets()).hasSize(3).allSatisfy(t -> assertThat(t.settings().template()).isNotNull());
        assertThat(reads).filteredOn("t.yaml"::equals).hasSize(1);
        assertThat(compact(errors(yaml))).containsExactly(
                "2:25 cdk_app_config.bootstrap.template: template \"t.yaml\" not found in the folder that holds cdk-app.yml");
    }
}
