package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void plainTextKeepsEverythingOnOneLine() {
        assertThat(SafeText.plain("a\nApproved by: attacker\r\nb\u2028c\u0085d\te\u202ef"))
                .isEqualTo("a Approved by: attacker  b c d e f");
        assertThat(SafeText.plain(null)).isNull();
        assertThat(SafeText.plain("x".repeat(50), 10)).isEqualTo("xxxxxxx...");
        assertThat(SafeText.plain("short", 10)).isEqualTo("short");
    }

    @Test
    void markdownCannotBreakACellOrALineOrMakeALinkHtmlOrCode() {
        assertThat(SafeText.markdown("x\nApproved by: attacker | y")).isEqualTo("x Approved by: attacker \\| y");
        assertThat(SafeText.markdown("[click](https://evil) <img src=x> `code`"))
                .isEqualTo("\\[click\\](https://evil) \\<img src=x\\> \\`code\\`");
        // a backslash of the value cannot undo the escape of the next character
        assertThat(SafeText.markdown("a\\|b")).isEqualTo("a\\\\\\|b");
    }

    @Test
    void markdownCannotStartABlock() {
        assertThat(SafeText.markdown("# Approved")).isEqualTo("\\# Approved");
        assertThat(SafeText.markdown("  > quote")).isEqualTo("\\> quote");
        assertThat(SafeText.markdown("- item")).isEqualTo("\\- item");
        assertThat(SafeText.markdown("~~~")).isEqualTo("\\~~~");
        assertThat(SafeText.markdown("1. first")).isEqualTo("1\\. first");
        assertThat(SafeText.markdown("12) first")).isEqualTo("12\\) first");
        assertThat(SafeText.markdown("2026-11-30 a-b #1")).isEqualTo("2026-11-30 a-b #1");
        assertThat(SafeText.markdown(null)).isEqualTo("-");
        assertThat(SafeText.markdown(" \n ")).isEqualTo("-");
    }

    @Test
    void onlyHttpsUrlsBecomeLinksAndTheyCannotEndEarly() {
        assertThat(SafeText.url("javascript:alert(1)")).isNull();
        assertThat(SafeText.url("http://x")).isNull();
        assertThat(SafeText.url(null)).isNull();
        assertThat(SafeText.url("https://console.aws.amazon.com/codesuite/codebuild/a?region=eu-west-1#/b"))
                .isEqualTo("https://console.aws.amazon.com/codesuite/codebuild/a?region=eu-west-1#/b");
        assertThat(SafeText.url("https://x/a) | [y](z)\nApproved é"))
                .isEqualTo("https://x/a%29%20%7C%20%5By%5D%28z%29%0AApproved%20%C3%A9");
    }
}
