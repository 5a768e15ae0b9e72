package dev.cdkbootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through {@code main} in a real JVM: the exit status reaches the shell and nothing else leaks out. */
class BootstrapCtlProcessTest {

    @TempDir
    Path dir;

    private Ctl.Result java(String... args) throws IOException, InterruptedException {
        return Ctl.process(args);
    }

    @Test
    void anInvalidFileExitsOneWithErrorLinesAndNoStackTrace() throws Exception {
        Path file = dir.resolve("cdk-app.yml");
        Files.writeString(file, "cdk_app_config: !!python/object:os.system [x]\n");
        Ctl.Result o = java("plan", file.toString());
        assertThat(o.code()).isEqualTo(1);
        assertThat(o.out()).isEmpty();
        assertThat(o.err()).isEqualTo(file + ":1:17: error: cdk_app_config: type tags are not allowed "
                + "(found tag:yaml.org,2002:python/object:os.system); write plain values\n");
    }

    @Test
    void aUsageErrorExitsTwo() throws Exception {
        Ctl.Result o = java("plan");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith("bootstrapctl plan: needs FILE (or --config FILE)\nUsage: bootstrapctl plan");
    }

    @Test
    void aValidSampleExitsZero() throws Exception {
        Path file = dir.resolve("cdk-app.yml");
        Files.writeString(file, "cdk_app_config:\n  pipeline: {account: \"111111111111\", region: eu-west-1}\n");
        Ctl.Result o = java("validate", file.toString());
        assertThat(o.code()).isZero();
        assertThat(o.out()).isEqualTo(file + ": OK, 1 target\n");
        assertThat(o.err()).as("no SLF4J or Log4j line: the CLI selects slf4j-nop").doesNotContain("SLF4J", "StatusLogger");
    }
}
