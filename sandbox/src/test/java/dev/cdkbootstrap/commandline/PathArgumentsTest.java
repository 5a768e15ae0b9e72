package dev.cdkbootstrap.commandline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of a folder the command creates and of a file it writes, and the capped lists of messages. */
class PathArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void aFolderTheCommandCreatesMayBeAbsentButNotAFile() throws Exception {
        assertThat(PathArguments.requireDirectoryOrAbsent("--work-dir", dir.resolve("absent"))).isEqualTo(dir.resolve("absent"));
        assertThat(PathArguments.requireDirectoryOrAbsent("--work-dir", dir)).isEqualTo(dir);
        Path file = Files.writeString(dir.resolve("big.yml"), "");
        assertThatThrownBy(() -> PathArguments.requireDirectoryOrAbsent("--work-dir", file))
                .isInstanceOf(UsageException.class).hasMessage("--work-dir " + file + ": is a file, expected a directory");
    }

    @Test
    void aFileToWriteIsNoFolderAndItsFolderExistsUnlessTheCommandCreatesIt() throws Exception {
        Path work = dir.resolve("work");
        assertThat(PathArguments.requireWritableFile("--report", dir.resolve("r.json"), work)).isEqualTo(dir.resolve("r.json"));
        assertThat(PathArguments.requireWritableFile("--report", work.resolve("sub/r.json"), work))
                .as("the work folder is created").isEqualTo(work.resolve("sub/r.json"));
        assertThatThrownBy(() -> PathArguments.requireWritableFile("--report", dir, work))
                .isInstanceOf(UsageException.class).hasMessage("--report " + dir + ": is a directory, expected a file");
        assertThatThrownBy(() -> PathArguments.requireWritableFile("--report", dir.resolve("x/r.json"), work))
                .hasMessage("--report " + dir.resolve("x/r.json") + ": no such directory " + dir.resolve("x"));
        Path file = Files.writeString(dir.resolve("f"), "");
        assertThatThrownBy(() -> PathArguments.requireWritableFile("--report", file.resolve("r.json"), work))
                .hasMessage("--report " + file.resolve("r.json") + ": " + file + " is a file, expected a directory");
    }

    @Test
    void aListIsCutAfterItsFirstValues() {
        assertThat(CommandLines.listed(List.of("a", "b"), 2)).isEqualTo("a, b");
        assertThat(CommandLines.listed(List.of("a", "b", "c", "d"), 2)).isEqualTo("a, b and 2 more");
    }
}
