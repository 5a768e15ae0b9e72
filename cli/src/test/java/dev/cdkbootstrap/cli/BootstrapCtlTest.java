package dev.cdkbootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line contract: exit codes, stderr error lines, stdout content. */
class BootstrapCtlTest {
    private static final String VALID = """
            cdk_app_config:
              pipeline:
                account: "111111111111"
                region: eu-west-1
                bootstrap: {execution_policy_filepath: policy.json}
              deployments:
                - set_name: a
                  stages:
                    - {stage_name: dev, account: "222222222222"}
                    - {stage_name: prod, account: "333333333333", region: us-east-1}
            """;
    private static final String POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", "
            + "\"Action\": \"*\", \"Resource\": \"*\"}}";
    private static final String INVALID = """
            cdk_app_config:
              pipeline:
                account: "11111"
                region: eu-west-1
                colour: blue
            """;

    @TempDir
    Path dir;

    private Ctl.Result run(String... args) {
        return Ctl.inProcess(args);
    }

    private String write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file.toString();
    }

    @Test
    void validateOfAValidFileExitsZeroWithAnOkLine() throws IOException {
        write("policy.json", POLICY);
        String file = write("cdk-app.yml", VALID);
        Ctl.Result r = run("validate", file);
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(file + ": OK, 3 targets\n");
        assertThat(r.err().lines()).as("two alike warnings: each as it is, not grouped (WarningGroups.MIN_GROUP)")
                .containsExactly(file + ": warning: 222222222222/eu-west-1: no execution policy given (a/dev); using"
                        + " arn:aws:iam::aws:policy/AdministratorAccess. Set execution_policy_filepath or execution_policy_arn,"
                        + " or add execution_policy_222222222222_eu-west-1.json beside the config file",
                        file + ": warning: 333333333333/us-east-1: no execution policy given (a/prod); using"
                        + " arn:aws:iam::aws:policy/AdministratorAccess. Set execution_policy_filepath or execution_policy_arn,"
                        + " or add execution_policy_333333333333_us-east-1.json beside the config file");
    }

    @Test
    void sixtyWarningsOfOneKindAreOneLineWithTheirCountButPlanJsonKeepsEach() throws IOException {
        StringBuilder config = new StringBuilder("""
                cdk_app_config:
                  pipeline: {account: "111111111111", region: eu-west-1, bootstrap: {execution_policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess"}}
                  deployments:
                """);
        for (int set = 0; set < 20; set++) {
            config.append("    - set_name: s").append(set).append("\n      stages:\n");
            for (String stage : List.of("dev", "preprod", "prod")) {
                config.append("        - {stage_name: ").append(stage).append(", account: \"")
                        .append(String.format("%012d", 200000000000L + set * 10 + stage.length())).append("\"}\n");
            }
        }
        String file = write("cdk-app.yml", config.toString());

        Ctl.Result validate = run("validate", file);
        assertThat(validate.code()).isZero();
        assertThat(validate.err().lines()).singleElement().asString()
                .startsWith(file + ": warning (x60): no execution policy given; using ")
                .endsWith(" — 60 targets, each in 'bootstrapctl plan " + file + "'");

        List<String> text = run("plan", file, "--format", "text").out().lines().toList();
        assertThat(text.subList(text.indexOf("Warnings (60):") + 1, text.size())).singleElement().asString()
                .startsWith("  warning (x60): no execution policy given").endsWith(" — 60 targets, each in --format json");

        Ctl.Result json = run("plan", file);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).path("warnings"))
                .hasSize(60).allSatisfy(w -> assertThat(w.asText()).matches("\\d{12}/eu-west-1: no execution policy given .*"));
    }

    @Test
    void validateOfAnInvalidFileExitsOneWithOneLinePerErrorOnStderr() throws IOException {
        String file = write("cdk-app.yml", INVALID);
        Ctl.Result r = run("validate", file);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly(
                file + ":3:14: error: cdk_app_config.pipeline.account: account \"11111\" has 5 digits; an account id has exactly 12",
                file + ":5:5: error: cdk_app_config.pipeline.colour: unknown key \"colour\"; expected one of: account, region, bootstrap, code_commit");
    }

    @Test
    void planOfAnInvalidFileBehavesLikeValidateAndPrintsNothingOnStdout() throws IOException {
        String file = write("cdk-app.yml", INVALID);
        Ctl.Result plan = run("plan", file);
        assertThat(plan.code()).isEqualTo(1);
        assertThat(plan.out()).isEmpty();
        assertThat(plan.err()).isEqualTo(run("validate", file).err());
        assertThat(run("plan", file, "--format", "text").out()).isEmpty();
    }

    @Test
    void everyErrorLineHasTheFileLineColumnPathMessageShape() throws IOException {
        String file = write("cdk-app.yml", "cdk_app_config:\n  pipeline: [1\n");
        Ctl.Result r = run("validate", file);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).isNotEmpty().allMatch(l -> l.startsWith(file + ":")
                && l.matches(".*:\\d+:\\d+: error: [^:]+: .+"));
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void planJsonIsByteForByteDeterministicAndEndsWithANewline() throws IOException {
        write("policy.json", POLICY);
        String file = write("cdk-app.yml", VALID);
        Ctl.Result first = run("plan", file, "--format", "json");
        Ctl.Result second = run("plan", file);
        assertThat(first.code()).isZero();
        assertThat(first.out()).isEqualTo(second.out()).endsWith("}\n").startsWith("{\n  \"appPrefix\" : \"mlops-cdk\"");
        assertThat(first.err()).isEmpty();
    }

    @Test
    void policyFilesAreLookedUpBesideTheFileUnlessPoliciesDirIsGiven() throws IOException {
        String file = write("conf/cdk-app.yml", VALID);
        assertThat(run("plan", file).err()).contains("policy file \"policy.json\" not found");
        write("elsewhere/policy.json", POLICY);
        Ctl.Result r = run("plan", file, "--policies-dir", dir.resolve("elsewhere").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"file\" : \"policy.json\"");
        assertThat(run("plan", file, "--policies-dir=" + dir.resolve("elsewhere")).code()).isZero();
    }

    @Test
    void textFormatIsATableWithTheWarningsAfterIt() throws IOException {
        write("policy.json", POLICY);
        String file = write("cdk-app.yml", VALID);
        Ctl.Result r = run("plan", file, "--format", "text");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Plan for " + file + ": app prefix mlops-cdk, pipeline 111111111111/eu-west-1, 3 targets");
        assertThat(lines.subList(2, 6)).containsExactly(
                "TARGET                  SOURCES   TRUST                      POLICIES",
                "111111111111/eu-west-1  pipeline  -                          arn:aws:iam::111111111111:policy/mlops-cdk-exec-eu-west-1 (from policy.json)",
                "222222222222/eu-west-1  a/dev     111111111111               arn:aws:iam::aws:policy/AdministratorAccess (DEFAULT)",
                "333333333333/us-east-1  a/prod    111111111111,222222222222  arn:aws:iam::aws:policy/AdministratorAccess (DEFAULT)");
        assertThat(lines.get(7)).isEqualTo("Warnings (2):");
        assertThat(lines.subList(8, 10)).allSatisfy(l -> assertThat(l).matches("  warning: \\d{12}/[a-z0-9-]+: no execution"
                + " policy given \\(a/(dev|prod)\\); using .*"));
    }

    @Test
    void textFormatShowsTheManagedSettingsOfEachTargetAndTemplatesAreReadBesideTheFile() throws IOException {
        write("policy.json", POLICY);
        write("templates/bootstrap.yaml", """
                Parameters:
                  CloudFormationExecutionPolicies: {Type: CommaDelimitedList}
                  PublicAccessBlockConfiguration: {Type: String}
                  FileAssetsBucketKmsKeyId: {Type: String}
                  TrustedAccounts: {Type: CommaDelimitedList}
                Resources:
                  CdkBootstrapVersion: {Type: AWS::SSM::Parameter, Properties: {Type: String, Value: !Ref Missing}}
                Outputs:
                  BootstrapVersion: {Value: '40'}
                """);
        String file = write("cdk-app.yml", VALID.replace("bootstrap: {execution_policy_filepath: policy.json}",
                "bootstrap: {execution_policy_filepath: policy.json, termination_protection: true}")
                + "      bootstrap: {template: templates/bootstrap.yaml, tags: {team: a}}\n");
        Ctl.Result r = run("plan", file, "--format", "text");
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().toList().subList(2, 6)).containsExactly(
                "TARGET                  SOURCES   TRUST                      SETTINGS" + " ".repeat(43) + "POLICIES",
                "111111111111/eu-west-1  pipeline  -                          protection:on" + " ".repeat(38)
                        + "arn:aws:iam::111111111111:policy/mlops-cdk-exec-eu-west-1 (from policy.json)",
                "222222222222/eu-west-1  a/dev     111111111111               tags:team=a template:templates/bootstrap.yaml@v40  "
                        + "arn:aws:iam::aws:policy/AdministratorAccess (DEFAULT)",
                "333333333333/us-east-1  a/prod    111111111111,222222222222  tags:team=a template:templates/bootstrap.yaml@v40  "
                        + "arn:aws:iam::aws:policy/AdministratorAccess (DEFAULT)");
    }

    @Test
    void anOversizedFileIsRejectedWithItsRealSizeWithoutLoadingIt() throws IOException {
        Path big = dir.resolve("big.yml");
        try (var ch = Files.newByteChannel(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
            ch.position(50L * 1024 * 1024);
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
        }
        Ctl.Result r = run("validate", big.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(big + ":1:1: error: $: file is 52428801 bytes; the limit is 8388608 bytes (8 MiB)\n");
    }
}
