package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxOptionsTest {

    @Test
    void repeatableOptionsCollectEveryValue() {
        SandboxOptions options = SandboxOptions.parse(List.of("--config", "c.yml", "--without-role", "111111111111",
                "--without-role", "222222222222", "--failing-build", "333333333333/eu-west-1", "--rerun"));
        assertThat(options.withoutRole()).containsExactly("111111111111", "222222222222");
        assertThat(options.failingBuilds()).containsExactly("333333333333/eu-west-1");
        assertThat(options.rerun()).isTrue();
        assertThat(options.report()).isEqualTo(Path.of("target/sandbox/report.json"));
    }

    @Test
    void aMalformedFailingBuildIsAUsageError() {
        assertThatThrownBy(() -> SandboxOptions.parse(List.of("--config", "c.yml", "--failing-build", "1234/eu-west-1")))
                .hasMessageContaining("--failing-build");
    }

    @Test
    void theCliExitsTwoOnUsageErrorsAndSaysWhy() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SandboxCli.run(List.of("--dry-run"), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--config FILE is required").contains("usage:");
    }

    @Test
    void aMissingConfigFileIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SandboxCli.run(List.of("--config", "no/such/file.yml"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("config file not found: no/such/file.yml");
    }

    @Test
    void aRerunAndANewAccountCanFollowTheFirstRunTogether() {
        SandboxOptions options = SandboxOptions.parse(List.of("--config", "c.yml", "--rerun",
                "--then-new-account", "444444444444", "--work-dir", "build/w"));
        assertThat(options.rerun()).isTrue();
        assertThat(options.thenNewAccount()).contains("444444444444");
        assertThat(options.report()).as("the report goes with the work folder").isEqualTo(Path.of("build/w/report.json"));
    }
}
