package dev.cdkbootstrap.plan;

import static dev.cdkbootstrap.plan.Planning.compact;
import static dev.cdkbootstrap.plan.Planning.errors;
import static dev.cdkbootstrap.plan.Planning.plan;
import static dev.cdkbootstrap.plan.Planning.pipelineBootstrap;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each Bootstrap key beyond the seed's: its valid shapes, each invalid shape with its exact place, its flag. */
class BootstrapSettingsTest {
    private static final String B = "cdk_app_config.pipeline.bootstrap.";

    private static Target pipeline(String... lines) {
        return plan(pipelineBootstrap(lines)).targets().get(0);
    }

    private static List<String> rejected(String... lines) {
        return compact(errors(pipelineBootstrap(lines)));
    }

    private static List<String> settingsFlags(Target t) {
        List<String> command = t.bootstrapCommand();
        return command.subList(command.indexOf("--cloudformation-execution-policies") + 2, command.size());
    }

    @Test
    void nothingManagedAddsNoFlagAndNoSetting() {
        Target t = pipeline("enabled: true");
        assertThat(t.settings()).isEqualTo(ToolkitSettings.NONE);
        assertThat(settingsFlags(t)).isEmpty();
    }

    @Test
    void trustForLookupIsSortedWithoutTheTargetsOwnAccount() {
        Target t = pipeline("trust_for_lookup: [\"333333333333\", \"111111111111\", 222222222222, \"333333333333\"]");
        assertThat(t.settings().trustForLookup()).containsExactly("222222222222", "333333333333");
        assertThat(settingsFlags(t)).containsExactly("--trust-for-lookup", "222222222222,333333333333");
    }

    @Test
    void trustForLookupOfOnlyTheOwnAccountManagesNothing() {
        assertThat(settingsFlags(pipeline("trust_for_lookup: [\"111111111111\"]"))).isEmpty();
    }

    @Test
    void trustForLookupMustBeAListOfAccounts() {
        assertThat(rejected("trust_for_lookup: \"222222222222\"")).containsExactly(
                "6:25 " + B + "trust_for_lookup: expected a list (- items), got the text \"222222222222\"");
        assertThat(rejected("trust_for_lookup: [\"22\", 12345, {a: b}]")).containsExactly(
                "6:26 " + B + "trust_for_lookup[0]: account \"22\" has 2 digits; an account id has exactly 12",
                "6:32 " + B + "trust_for_lookup[1]: account 12345 has 5 digits; an account id has exactly 12 (if it "
                        + "starts with 0, write it in full and quoted: \"000000012345\")",
                "6:39 " + B + "trust_for_lookup[2]: expected a 12-digit account id, got a mapping");
    }

    @Test
    void permissionsBoundaryIsAPolicyNameOrTheCdkExample() {
        Target custom = pipeline("permissions_boundary: team+boundary@v1.2_x-y=z,w");
        assertThat(custom.settings().permissionsBoundary()).isEqualTo("team+boundary@v1.2_x-y=z,w");
        assertThat(settingsFlags(custom)).containsExactly("--custom-permissions-boundary", "team+boundary@v1.2_x-y=z,w");
        Target example = pipeline("permissions_boundary: cdk-example");
        assertThat(example.settings().permissionsBoundary()).isEqualTo(ToolkitSettings.EXAMPLE_BOUNDARY);
        assertThat(settingsFlags(example)).containsExactly("--example-permissions-boundary");
        assertThat(settingsFlags(pipeline("permissions_boundary: " + "p".repeat(128)))).hasSize(2);
    }

    @Test
    void permissionsBoundaryRejectsArnsOptionLikeAndLongNames() {
        String why = " is not a managed policy name (1 to 128 of letters, digits and +=,.@_-, not starting with -; "
                + "a name, not an ARN) nor cdk-example (the CDK's example boundary)";
        assertThat(rejected("permissions_boundary: arn:aws:iam::111111111111:policy/b")).containsExactly(
                "6:29 " + B + "permissions_boundary: permissions_boundary \"arn:aws:iam::111111111111:policy/b\"" + why);
        assertThat(rejected("permissions_boundary: \"-b\"")).containsExactly(
                "6:29 " + B + "permissions_boundary: permissions_boundary \"-b\"" + why);
        assertThat(rejected("permissions_boundary: " + "p".repeat(129))).singleElement().asString().endsWith(why);
        assertThat(rejected("permissions_boundary: true")).containsExactly("6:29 " + B + "permissions_boundary: "
                + "expected text, got a boolean (true); quote it if it is meant as text");
    }

    @Test
    void terminationProtectionTrueAndFalseAreBothExplicit() {
        Target on = pipeline("termination_protection: true");
        assertThat(on.settings().terminationProtection()).isTrue();
        assertThat(settingsFlags(on)).containsExactly("--termination-protection", "true");
        assertThat(settingsFlags(pipeline("termination_protection: no"))).containsExactly("--termination-protection", "false");
        assertThat(rejected("termination_protection: \"yes\"")).containsExactly(
                "6:31 " + B + "termination_protection: expected true or false, got the text \"yes\"");
    }

    @Test
    void publicAccessBlockTrueAndFalseAreBothExplicit() {
        Target off = pipeline("public_access_block: false");
        assertThat(off.settings().publicAccessBlock()).isFalse();
        assertThat(settingsFlags(off)).containsExactly("--public-access-block-configuration", "false");
        assertThat(settingsFlags(pipeline("public_access_block: true")))
                .containsExactly("--public-access-block-configuration", "true");
        assertThat(rejected("public_access_block: 1")).containsExactly(
                "6:28 " + B + "public_access_block: expected true or false, got an integer (1)");
    }

    @Test
    void tagsAreSortedByKeyAndRepeatedAsFlags() {
        Target t = pipeline("tags:", "  team: data science", "  cost-center: \"1234\"", "  path/x: a=b:c@d+e");
        assertThat(t.settings().tags()).containsExactly(Map.entry("cost-center", "1234"),
                Map.entry("path/x", "a=b:c@d+e"), Map.entry("team", "data science"));
        assertThat(settingsFlags(t)).containsExactly("--tags", "cost-center=1234", "--tags", "path/x=a=b:c@d+e",
                "--tags", "team=data science");
    }

    @Test
    void eachBadTagIsAnErrorAtItsKeyOrValue() {
        assertThat(rejected("tags:",
                "  \"aws:owner\": me",
                "  a=b: c",
                "  \"-lead\": x",
                "  empty:",
                "  number: 42",
                "  star: \"x*y\"",
                "  " + "k".repeat(129) + ": v",
                "  long: " + "v".repeat(257),
                "  fine: ok",
                "  fine: again")).containsExactly(
                "7:9 " + B + "tags.aws:owner: tag key \"aws:owner\" starts with aws:, which AWS reserves for its own tags",
                "8:9 " + B + "tags.a=b: tag key \"a=b\" contains '=': the CDK CLI reads --tags KEY=VALUE up to the first '='",
                "9:9 " + B + "tags.-lead: tag key \"-lead\" starts with '-': the CDK CLI would read --tags -... as an option",
                "10:9 " + B + "tags.empty: tag \"empty\" has no value; CloudFormation needs 1 to 256 characters",
                "11:17 " + B + "tags.number: expected text, got an integer (42); quote it if it is meant as text",
                "12:15 " + B + "tags.star: tag value \"x*y\" must be 1 to 256 letters, digits, spaces or _ . : / = + - @",
                "13:9 " + B + "tags." + "k".repeat(57) + "...: tag key \"" + "k".repeat(57) + "...\" must be 1 to 128 "
                        + "letters, digits, spaces or _ . : / + - @",
                "14:15 " + B + "tags.long: tag value \"" + "v".repeat(57) + "...\" must be 1 to 256 letters, digits, "
                        + "spaces or _ . : / = + - @",
                "16:9 " + B + "tags.fine: duplicate tag \"fine\" (first at line 15)");
    }

    @Test
    void atMostFiftyTagsAndTagsMustBeAMapping() {
        String[] lines = new String[52];
        lines[0] = "tags:";
        for (int i = 1; i < 52; i++) {
            lines[i] = "  k" + i + ": v";
        }
        assertThat(rejected(lines)).containsExactly("7:9 " + B + "tags: 51 tags; CloudFormation allows at most 50 on a stack");
        assertThat(pipeline(java.util.Arrays.copyOf(lines, 51)).settings().tags()).hasSize(50);
        assertThat(rejected("tags: [a, b]")).containsExactly(
                "6:13 " + B + "tags: expected a mapping (key: value lines), got a list");
    }

    @Test
    void anEmptyTagMapManagesNoTags() {
        assertThat(pipeline("tags: {}").settings().tags()).isNull();
    }

    @Test
    void kmsKeyWordsAndKeyIdsBecomeTheirFlags() {
        assertThat(settingsFlags(pipeline("kms_key: aws-managed")))
                .containsExactly("--bootstrap-kms-key-id", "AWS_MANAGED_KEY");
        assertThat(settingsFlags(pipeline("kms_key: create"))).containsExactly("--bootstrap-customer-key");
        Target id = pipeline("kms_key: 1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(id.settings().kmsKey()).isEqualTo("1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(settingsFlags(id)).containsExactly("--bootstrap-kms-key-id", "1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(pipeline("kms_key: mrk-1234abcd12ab34cd56ef1234567890ab").settings().kmsKey())
                .isEqualTo("mrk-1234abcd12ab34cd56ef1234567890ab");
    }

    @Test
    void kmsKeyOfAnotherShapeIsRejected() {
        String why = " is not aws-managed, create, a KMS key id (1234abcd-12ab-34cd-56ef-1234567890ab or mrk-...), a key ARN "
                + "(arn:<partition>:kms:<region>:<account>:key/<id>) or an alias (alias/<name> or its ARN)";
        assertThat(rejected("kms_key: AWS_MANAGED_KEY")).containsExactly(
                "6:16 " + B + "kms_key: kms_key \"AWS_MANAGED_KEY\"" + why);
        assertThat(rejected("kms_key: arn:aws:kms:eu-west-1:111111111111:key/not-a-key-id")).containsExactly(
                "6:16 " + B + "kms_key: kms_key \"arn:aws:kms:eu-west-1:111111111111:key/not-a-key-id\"" + why);
        assertThat(rejected("kms_key: alias/")).containsExactly("6:16 " + B + "kms_key: kms_key \"alias/\"" + why);
    }

    @Test
    void kmsKeyArnOrAliasNeedsACustomTemplateAndAnArnMustBeInTheTarget() {
        assertThat(rejected("kms_key: alias/cdk")).containsExactly("6:16 " + B + "kms_key: kms_key \"alias/cdk\" for "
                + "target 111111111111/eu-west-1: with the CDK's own bootstrap template only a key id works (the template "
                + "grants the file-publishing role arn:...:key/<kms_key>); give the key id, or a custom template that "
                + "handles an ARN or alias");
        assertThat(rejected("kms_key: arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
                .containsExactly("6:16 " + B + "kms_key: kms_key \"arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-"
                        + "34cd...\" is in region us-east-1, not the one of target 111111111111/eu-west-1; the staging "
                        + "bucket takes a key of its own account and region");
        assertThat(rejected("kms_key: arn:aws-cn:kms:cn-north-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
                .singleElement().asString().contains("is in partition aws-cn (target's: aws), region cn-north-1, "
                        + "account 222222222222, not the one of target 111111111111/eu-west-1");
    }

    @Test
    void qualifierTakesHyphensButDoesNotStartWithOne() {
        Target t = pipeline("qualifier: team-1-x");
        assertThat(t.qualifier()).isEqualTo("team-1-x");
        assertThat(settingsFlags(t)).containsExactly("--qualifier", "team-1-x");
        String why = "qualifier must be 1 to 10 lowercase letters, digits or '-', starting with a letter or digit";
        assertThat(rejected("qualifier: \"-team\"")).containsExactly("6:18 " + B + "qualifier: " + why);
        assertThat(rejected("qualifier: team_1")).containsExactly("6:18 " + B + "qualifier: " + why);
        assertThat(rejected("qualifier: abcdefghijk")).containsExactly("6:18 " + B + "qualifier: " + why);
    }

    @Test
    void aMisspeltSettingGetsADidYouMean() {
        assertThat(rejected("termination_protect: true")).containsExactly("6:7 " + B + "termination_protect: unknown key "
                + "\"termination_protect\"; did you mean \"termination_protection\"?");
    }

    @Test
    void everyManagedSettingIsAFlagInTheDocumentedOrder() {
        Target t = pipeline("tags: {b: \"2\", a: \"1\"}", "public_access_block: false", "kms_key: create",
                "termination_protection: true", "permissions_boundary: pb", "trust_for_lookup: [\"222222222222\"]",
                "qualifier: q1", "toolkit_stack_name: Tk");
        assertThat(settingsFlags(t)).containsExactly("--qualifier", "q1", "--toolkit-stack-name", "Tk",
                "--trust-for-lookup", "222222222222", "--custom-permissions-boundary", "pb",
                "--termination-protection", "true", "--tags", "a=1", "--tags", "b=2", "--bootstrap-customer-key",
                "--public-access-block-configuration", "false");
    }
}
