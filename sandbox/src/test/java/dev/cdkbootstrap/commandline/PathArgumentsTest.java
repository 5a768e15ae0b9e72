package dev.cdkbootstrap.commandline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of a folder the command creates, of a file it writes and of empty values, and the capped lists of messages. */
class PathArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void aFolderTheCommandCreatesIsCreatedNowInAnExistingParentButIsNoFile() throws Exception {
        assertThat(PathArguments.createDirectory("--work-dir", dir.resolve("absent"), false)).isDirectory();
        assertThat(PathArguments.createDirectory("--work-dir", dir, false)).isEqualTo(dir);
        Path file = Files.writeString(dir.resolve("big.yml"), "");
        assertThatThrownBy(() -> PathArguments.createDirectory("--work-dir", file, false))
                .isInstanceOf(UsageException.class).hasMessage("--work-dir " + file + ": is a file, expected a directory");
        assertThatThrownBy(() -> PathArguments.createDirectory("--work-dir", file.resolve("sub"), false))
                .hasMessage("--work-dir " + file.resolve("sub") + ": " + file + " is a file, expected a directory");
        Path deep = dir.resolve("nonexist/deep");
        assertThatThrownBy(() -> PathArguments.createDirectory("--work-dir", deep, false))
                .hasMessage("--work-dir " + deep + ": no such directory " + dir.resolve("nonexist"));
        assertThat(dir.resolve("nonexist")).doesNotExist();
        assertThat(PathArguments.createDirectory("--work-dir", deep, true)).as("the default's parent is created").isDirectory();
    }

    @Test
    void aFolderOrFileTheSystemRefusesIsAUsageErrorNamingTheOption() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
        assertThatThrownBy(() -> PathArguments.createDirectory("--work-dir", Path.of("/proc/x"), false))
                .isInstanceOf(UsageException.class).hasMessage("--work-dir /proc/x: cannot create it: the file system does not allow it");
        assertThatThrownBy(() -> PathArguments.requireWritableFile("--report", Path.of("/proc/r.json"), dir))
                .isInstanceOf(UsageException.class).hasMessage("--report /proc/r.json: cannot write in /proc");
    }

    @Test
    void anEmptyValueIsRefusedInEveryCheck() {
        Path empty = Path.of("");
        assertThatThrownBy(() -> PathArguments.requireFile(null, empty)).isInstanceOf(UsageException.class).hasMessage("FILE is empty");
        assertThatThrownBy(() -> PathArguments.requireFile("--given", empty)).hasMessage("--given: empty value, expected a file");
        assertThatThrownBy(() -> PathArguments.requireDirectory("--policies-dir", empty))
                .hasMessage("--policies-dir: empty value, expected a directory");
        assertThatThrownBy(() -> PathArguments.createDirectory("--work-dir", empty, false))
                .hasMessage("--work-dir: empty value, expected a directory");
        assertThatThrownBy(() -> PathArguments.requireWritableFile("--report", empty, dir))
                .hasMessage("--report: empty value, expected a file");
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
