package dev.cdkbootstrap.sandbox.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.config.ConfigValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GivenFileTest {

    @Test
    void aFullEntryIsReadAsWritten() {
        List<ToolkitState> states = parse("""
                toolkits:
                  - target: "222222222222/eu-west-1"
                    stackName: Toolkit2
                    qualifier: abc
                    version: 30
                    trust: ["999999999999", 888888888888]
                    trustForLookup: []
                    executionPolicies: ["arn:aws:iam::222222222222:policy/exec"]
                    variant: "Acme: hardened"
                    status: ROLLBACK_COMPLETE
                    ssmVersion: missing
                """);
        assertThat(states).containsExactly(new ToolkitState("222222222222", "eu-west-1", "Toolkit2", "abc", 30,
                List.of("999999999999", "888888888888"), List.of(), List.of("arn:aws:iam::222222222222:policy/exec"),
                "Acme: hardened", "ROLLBACK_COMPLETE", "missing", "given.yml:2"));
    }

    @Test
    void onlyTheTargetIsRequiredAndTheRestHasTheCdkDefaults() {
        ToolkitState state = parse("toolkits:\n  - target: \"333333333333/us-gov-west-1\"\n    ssmVersion: 28\n").get(0);
        assertThat(state.stackName()).isEqualTo("CDKToolkit");
        assertThat(state.qualifier()).isEqualTo("hnb659fds");
        assertThat(state.version()).as("the pinned template's, resolved at set-up").isNull();
        assertThat(state.trust()).isEmpty();
        assertThat(state.executionPolicies()).as("in the target's partition")
                .containsExactly("arn:aws-us-gov:iam::aws:policy/AdministratorAccess");
        assertThat(state.variant()).isNull();
        assertThat(state.status()).isEqualTo("CREATE_COMPLETE");
        assertThat(state.ssmVersion()).isEqualTo("28");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key, with a hint     | '    qualifer: abc'                 | given.yml:3:5: error: toolkits[0].qualifer: unknown key "qualifer"; did you mean "qualifier"?
            wrong type                   | '    version: thirty'               | given.yml:3:14: error: toolkits[0].version: expected a positive whole number, got the text "thirty"
            list expected                | '    trust: "999999999999"'         | given.yml:3:12: error: toolkits[0].trust: expected a list (- items or [a, b]), got the text "999999999999"
            account not 12 digits        | '    trust: ["99999"]'              | given.yml:3:13: error: toolkits[0].trust[0]: expected a 12-digit account id (quote it), got the text "99999"
            unknown status               | '    status: ROLLBACK_COMPLETED'    | given.yml:3:13: error: toolkits[0].status: unknown stack status "ROLLBACK_COMPLETED"; did you mean ROLLBACK_COMPLETE?
            ssmVersion neither           | '    ssmVersion: gone'              | given.yml:3:17: error: toolkits[0].ssmVersion: expected a version number or "missing", got the text "gone"
            qualifier too long           | '    qualifier: waytoolongqualifier' | given.yml:3:16: error: toolkits[0].qualifier: "waytoolongqualifier" does not match [A-Za-z0-9_-]{1,10}
            policy not an ARN            | '    executionPolicies: [Admin]'    | given.yml:3:25: error: toolkits[0].executionPolicies[0]: expected an IAM policy ARN (arn:...), got the text "Admin"
            duplicate key                | '    target: "111111111111/eu-west-1"' | given.yml:3:5: error: toolkits[0].target: duplicate key "target" (first at line 2)
            """)
    void aBadValueNamesFileLineColumnAndKey(String what, String line, String error) {
        assertThatThrownBy(() -> parse("toolkits:\n  - target: \"222222222222/eu-west-1\"\n" + line + "\n"))
                .isInstanceOfSatisfying(ConfigValidationException.class, e ->
                        assertThat(e.errors()).extracting(err -> err.format()).containsExactly(error));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no slash          | 222222222222
            short account     | 22222/eu-west-1
            not a region      | 222222222222/Europe
            """)
    void aTargetThatIsNotAccountSlashRegionIsAnError(String what, String target) {
        assertThatThrownBy(() -> parse("toolkits:\n  - target: \"" + target + "\"\n"))
                .hasMessage("given.yml:2:13: error: toolkits[0].target: \"" + target
                        + "\" is not ACCOUNT/REGION (12 digits, a slash, a region such as eu-west-1)");
    }

    @Test
    void theSameTargetAndStackNameOrQualifierTwiceIsAnError() {
        assertThatThrownBy(() -> parse("""
                toolkits:
                  - target: "222222222222/eu-west-1"
                  - target: "222222222222/eu-west-1"
                    qualifier: other
                  - target: "222222222222/eu-west-1"
                    stackName: Second
                """)).hasMessage("""
                given.yml:3:5: error: toolkits[1]: duplicate: 222222222222/eu-west-1 stack CDKToolkit is already given at line 2 \
                (one toolkit stack per target and stack name, one per target and qualifier)
                given.yml:5:5: error: toolkits[2]: duplicate: 222222222222/eu-west-1 qualifier hnb659fds is already given at line 2 \
                (one toolkit stack per target and stack name, one per target and qualifier)""");
    }

    @Test
    void aDuplicateIsReportedEvenWhenAnEntryHasAnotherMistake() {
        assertThatThrownBy(() -> parse("""
                toolkits:
                  - target: "222222222222/eu-west-1"
                    version: thirty
                  - target: "222222222222/eu-west-1"
                """)).hasMessageContaining("given.yml:3:14: error: toolkits[0].version")
                .hasMessageContaining("given.yml:4:5: error: toolkits[1]: duplicate: 222222222222/eu-west-1 stack CDKToolkit"
                        + " is already given at line 2");
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        assertThatThrownBy(() -> parse("""
                toolkit:
                  - target: x
                """)).hasMessage("""
                given.yml:1:1: error: toolkit: unknown key "toolkit"; did you mean "toolkits"?
                given.yml:1:1: error: toolkits: required key is missing""");
    }

    @Test
    void aMissingTargetAnEmptyFileAndHostileYamlAreErrors() {
        assertThatThrownBy(() -> parse("toolkits:\n  - status: CREATE_COMPLETE\n"))
                .hasMessage("given.yml:2:5: error: toolkits[0].target: required key is missing");
        assertThatThrownBy(() -> parse("# nothing\n"))
                .hasMessage("given.yml:1:1: error: $: file is empty; expected the key toolkits with a list of toolkit stacks");
        assertThatThrownBy(() -> parse("toolkits: !!python/object:os.system []\n")).hasMessageContaining("given.yml:1:");
    }

    @Test
    void readingAFileThrowsAUsageErrorThatNamesIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("given.yml"), "toolkits:\n  - target: \"222222222222/eu-west-1\"\n    colour: red\n");
        assertThatThrownBy(() -> GivenFile.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--given " + file + " is invalid:\n" + file + ":3:5: error: toolkits[0].colour: unknown key");
        assertThatThrownBy(() -> GivenFile.read(dir.resolve("none.yml"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read");
    }

    private static List<ToolkitState> parse(String yaml) {
        return GivenFile.parse("given.yml", yaml.getBytes(StandardCharsets.UTF_8));
    }
}
