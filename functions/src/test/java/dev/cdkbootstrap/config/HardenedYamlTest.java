package dev.cdkbootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.plan.ConfigPlanner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hostile inputs generated in code (too big to commit): each is rejected quickly with one clear error. */
class HardenedYamlTest {

    private static List<String> errors(byte[] content) {
        ConfigValidationException[] caught = new ConfigValidationException[1];
        assertThatThrownBy(() -> ConfigPlanner.plan("x.yml", content, path -> Optional.empty()))
                .isInstanceOfSatisfying(ConfigValidationException.class, e -> caught[0] = e);
        return caught[0].errors().stream().map(e -> e.line() + ":" + e.column() + " " + e.path() + ": " + e.message()).toList();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFileOverEightMebibytesIsRejectedBeforeParsing() {
        byte[] big = new byte[ConfigLimits.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '[');
        assertThat(errors(big)).containsExactly("1:1 $: file is 8388609 bytes; the limit is 8388608 bytes (8 MiB)");
    }

    @Test
    void aFileOfExactlyEightMebibytesIsParsed() {
        StringBuilder sb = new StringBuilder("cdk_app_config:\n  pipeline: {account: \"111111111111\", region: eu-west-1}\n");
        while (sb.length() < ConfigLimits.MAX_BYTES - 100) {
            sb.append("# padding padding padding padding padding padding padding padding padding\n");
        }
        sb.append("#".repeat(ConfigLimits.MAX_BYTES - sb.length() - 1)).append('\n');
        byte[] content = utf8(sb.toString());
        assertThat(content).hasSize(ConfigLimits.MAX_BYTES);
        assertThat(ConfigPlanner.plan("x.yml", content, p -> Optional.empty()).plan().targets()).hasSize(1);
    }

    @Test
    void invalidUtf8IsRejectedWithItsPlace() {
        byte[] content = utf8("cdk_app_config:\n  app_prefix: ab\n");
        content[content.length - 2] = (byte) 0xC3; // a lead byte followed by '\n' is malformed
        assertThat(errors(content)).containsExactly("2:16 $: file is not valid UTF-8 (bad byte at offset 31)");
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        byte[] content = utf8("\uFEFFcdk_app_config:\n  pipeline: {account: \"111111111111\", region: eu-west-1}\n");
        assertThat(ConfigPlanner.plan("x.yml", content, p -> Optional.empty()).plan().targets()).hasSize(1);
    }

    @Test
    void aFileOfOnlyDocumentMarkersIsEmptyLikeAnEmptyFile() {
        for (String markers : List.of("", "---\n", "...", "--- # nothing\n...\n", "---\n---\n", "\uFEFF---",
                "%YAML 1.1\n---\n")) {
            assertThat(errors(utf8(markers))).as(markers)
                    .containsExactly("1:1 $: file is empty; expected a mapping with the key cdk_app_config");
        }
    }

    @Test
    void aNullIsDescribedAsNullNotAsText() {
        assertThat(errors(utf8("null\n"))).containsExactly("1:1 $: expected a mapping (key: value lines), got null (null)");
    }

    @Test
    void tenThousandNestingLevelsAreRejectedWithoutAStackOverflow() {
        String deep = "cdk_app_config: " + "[".repeat(10_000) + "]".repeat(10_000);
        assertThat(errors(utf8(deep))).singleElement().asString().endsWith("nesting deeper than 32 levels");
    }

    @Test
    void tooManyNodesAreRejectedBeforeMemoryGrows() {
        String many = "cdk_app_config: [" + "a,".repeat(ConfigLimits.MAX_NODES + 10) + "a]";
        assertThat(errors(utf8(many))).singleElement().asString()
                .endsWith("more than " + ConfigLimits.MAX_NODES + " YAML nodes; this is not a plausible cdk-app.yml");
    }

    @Test
    void aBillionLaughsFileIsRejectedFast() {
        StringBuilder sb = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("l").append(i).append(": &l").append(i).append(" [");
            sb.append(String.join(", ", java.util.Collections.nCopies(10, "*l" + (i - 1)))).append("]\n");
        }
        long start = System.nanoTime();
        assertThat(errors(utf8(sb.toString()))).singleElement().asString().contains("more than 20 aliases");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void scalarAliasesCountTowardsTheLimitToo() {
        String yaml = "a: &x v\nb: [" + "*x, ".repeat(25) + "*x]\n";
        assertThat(errors(utf8(yaml))).singleElement().asString().contains("more than 20 aliases (*x)");
    }

    @Test
    void aFewAliasesAreAllowed() {
        String yaml = """
                cdk_app_config:
                  pipeline: {account: &pipe "111111111111", region: &r eu-west-1}
                  deployments:
                    - set_name: a
                      stages: [{stage_name: dev, account: "222222222222", region: *r}]
                """;
        assertThat(ConfigPlanner.plan("x.yml", utf8(yaml), p -> Optional.empty()).plan().targets()).hasSize(2);
    }

    @Test
    void aSetAliasedManyTimesCannotMultiplyTheWorkWithoutBound() {
        StringBuilder sb = new StringBuilder("cdk_app_config:\n  pipeline: {account: \"111111111111\", region: eu-west-1}\n"
                + "  deployments:\n    - &s\n      set_name: a\n      stages:\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("        - {stage_name: dev, account: \"").append(200_000_000_000L + i).append("\"}\n");
        }
        sb.append("    - *s\n".repeat(ConfigLimits.MAX_ALIASES));
        long start = System.nanoTime();
        List<String> errors = errors(utf8(sb.toString()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(errors).hasSize(ConfigLimits.MAX_ERRORS + 1);
        assertThat(errors.get(ConfigLimits.MAX_ERRORS)).contains("too many errors");
    }

    @Test
    void manyErrorsAreCappedWithAClosingLine() {
        StringBuilder sb = new StringBuilder("cdk_app_config:\n");
        for (int i = 0; i < 150; i++) {
            sb.append("  unknown").append(i).append(": x\n");
        }
        List<String> errors = errors(utf8(sb.toString()));
        assertThat(errors).hasSize(ConfigLimits.MAX_ERRORS + 1);
        assertThat(errors.get(ConfigLimits.MAX_ERRORS)).endsWith("too many errors: 51 more not shown");
    }
}
