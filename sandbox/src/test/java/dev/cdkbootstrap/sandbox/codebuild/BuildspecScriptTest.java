package dev.cdkbootstrap.sandbox.codebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildspecScriptTest {
    @TempDir
    Path dir;

    @Test
    void phasesRunInOrderInOneShellAndMarkThemselves() throws Exception {
        Path buildspec = Files.writeString(dir.resolve("b.yml"), """
                version: 0.2
                env:
                  variables:
                    GREETING: hello
                phases:
                  install:
                    commands:
                      - export FROM_INSTALL=1
                  build:
                    commands:
                      - |
                        echo "$FROM_INSTALL"
                """);
        BuildspecScript script = BuildspecScript.parse(buildspec);
        assertThat(script.variables()).containsEntry("GREETING", "hello");
        assertThat(script.script()).containsSubsequence("INSTALL", "export FROM_INSTALL=1", "PRE_BUILD", "BUILD",
                "echo \"$FROM_INSTALL\"", "POST_BUILD", "COMPLETED");
    }
}
