package dev.cdkbootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/python-tools, run on a copy of the project (the script and requirements-tools.txt) with a PATH made
 * for each case: tools of the pinned version are used as they are, any other version is not, the pins go
 * into .venv-tools/ (said in one line), and without Python or a package index it stops naming the fix.
 * Stub interpreters answer the script's version probe; the install case uses the real python3 and pip
 * with local stand-in wheels (no network).
 */
class PythonToolsContractTest {
    private static final List<String> UTILITIES = List.of("bash", "sh", "grep", "sed", "readlink", "dirname", "rm", "tail");

    @TempDir Path tempDir;
    private Path dir;
    private Path project;
    private Path stubs;
    private Path utilities;

    @BeforeEach
    void copyOfTheProject() throws IOException {
        dir = tempDir.toRealPath(); // the script prints paths with symlinks resolved
        project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve("bin"));
        Files.copy(ProjectFiles.path("bin/python-tools"), project.resolve("bin/python-tools"));
        Files.copy(ProjectFiles.path("requirements-tools.txt"), project.resolve("requirements-tools.txt"));
        stubs = Files.createDirectories(dir.resolve("stubs"));
        // Only what the script needs: no python3, moto_server or cfn-lint of this machine is in reach.
        utilities = Files.createDirectories(dir.resolve("utilities"));
        for (String utility : UTILITIES) {
            Files.createSymbolicLink(utilities.resolve(utility), onPath(utility).orElseThrow());
        }
        // Interpreters that answer the version probe (python -c PROGRAM DIST EXTRA) as an installation would.
        executable(stubs.resolve("python-pinned"), "#!/bin/sh\ncase \"$3\" in moto) echo 5.2.1 ;; cfn-lint) echo 1.51.0 ;; esac\n");
        executable(stubs.resolve("python-old"), "#!/bin/sh\necho 5.1.0\n");
    }

    @Test
    void pinsAreReadFromRequirementsTools() {
        assertThat(ProjectFiles.text("requirements-tools.txt").lines().filter(l -> !l.isBlank() && !l.startsWith("#")))
                .containsExactly("moto[server]==5.2.1", "cfn-lint==1.51.0");
        // Nothing else installs or pins them: the scripts, CI and the docs send readers to the one file.
        Pattern pinned = Pattern.compile("(moto(\\[server])?|cfn-lint)\\s*(==|>=)");
        for (String file : List.of("bin/bootstrapctl", "bin/run-tests", ".ci/run", "README.md", "docs/sandbox.md", "docs/deploy.md")) {
            assertThat(pinned.matcher(ProjectFiles.text(file)).find()).as(file + " pins a Python tool itself").isFalse();
        }
    }

    @Test
    void toolsOnPathOfThePinnedVersionAreUsedQuietly() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("moto_server"), "#!" + stubs.resolve("python-pinned") + "\n");
        executable(bin.resolve("cfn-lint"), "#!/usr/bin/env -S python-pinned\n");

        Run run = run(Map.of("PATH", path(bin, stubs)));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).isEqualTo(bin.resolve("moto_server") + "\n" + bin.resolve("cfn-lint") + "\n");
        assertThat(project.resolve(".venv-tools")).doesNotExist();
    }

    @Test
    void anotherVersionIsRefusedAndWithoutPythonTheFixIsNamed() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("moto_server"), "#!" + stubs.resolve("python-old") + "\n");
        executable(bin.resolve("cfn-lint"), "#!/bin/sh\necho a native cfn-lint\n");

        Run run = run(Map.of("PATH", path(bin)));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains(
                "python-tools: moto_server (" + bin.resolve("moto_server") + ") is moto 5.1.0, not moto[server]==5.2.1; "
                        + "cfn-lint (" + bin.resolve("cfn-lint") + ") is an unknown version, not cfn-lint==1.51.0: "
                        + "installing moto[server]==5.2.1 cfn-lint==1.51.0 into .venv-tools/",
                "python-tools: no python3 to install the pinned tools", "; fix: ");
        assertThat(run.output().lines()).hasSize(2);
    }

    @Test
    void withoutAPackageIndexItStopsThenInstallsOnceThereIsOneThenReusesTheInstall() throws IOException {
        Path python3 = realPython3();
        Assumptions.assumeTrue(python3 != null, "no working python3 on this machine's PATH");
        Path python = Files.createDirectories(dir.resolve("python"));
        Files.createSymbolicLink(python.resolve("python3"), python3);
        Map<String, String> noIndex = Map.of("PATH", path(python), "PIP_CONFIG_FILE", "/dev/null",
                "PIP_INDEX_URL", "http://127.0.0.1:9/simple", "PIP_DEFAULT_TIMEOUT", "2", "PIP_RETRIES", "0");

        Run offline = run(noIndex);

        assertThat(offline.exitCode()).as(offline.output()).isEqualTo(1);
        assertThat(offline.output()).contains("moto_server is not on PATH; cfn-lint is not on PATH: installing",
                "python-tools: pip found no package index that serves the pins",
                "point it at one and rerun: PIP_INDEX_URL=https://<your-index>/simple bin/python-tools");

        Path wheels = standInWheels();
        Map<String, String> localIndex = Map.of("PATH", path(python), "PIP_CONFIG_FILE", "/dev/null",
                "PIP_NO_INDEX", "1", "PIP_FIND_LINKS", wheels.toString());
        Run install = run(localIndex);

        Path venvBin = project.resolve(".venv-tools/bin");
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.output()).contains("installing moto[server]==5.2.1 cfn-lint==1.51.0 into .venv-tools/",
                "python-tools: installed; moto_server cfn-lint now run from .venv-tools/bin/\n",
                venvBin.resolve("moto_server") + "\n" + venvBin.resolve("cfn-lint") + "\n");
        Run moto = new Run(Processes.run(List.of(venvBin.resolve("moto_server").toString()), dir, Map.of("PATH", path())));
        assertThat(moto.output()).isEqualTo("stand-in moto_server\n");

        Run again = run(Map.of("PATH", path(python)));
        assertThat(again.output()).isEqualTo(venvBin.resolve("moto_server") + "\n" + venvBin.resolve("cfn-lint") + "\n");
    }

    /** Wheels of moto 5.2.1 and cfn-lint 1.51.0 whose console scripts only say who they are. */
    private Path standInWheels() throws IOException {
        Path wheels = Files.createDirectories(dir.resolve("wheels"));
        wheel(wheels, "moto", "5.2.1", "moto_server", "Provides-Extra: server\n");
        wheel(wheels, "cfn-lint", "1.51.0", "cfn-lint", "");
        return wheels;
    }

    private static void wheel(Path wheels, String name, String version, String script, String metadata) throws IOException {
        String module = "standin_" + name.replace('-', '_');
        String info = name.replace('-', '_') + "-" + version + ".dist-info/";
        Map<String, String> entries = Map.of(
                module + ".py", "def main():\n    print('stand-in " + script + "')\n",
                info + "METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n" + metadata,
                info + "WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
                info + "entry_points.txt", "[console_scripts]\n" + script + " = " + module + ":main\n",
                info + "RECORD", "");
        Path file = wheels.resolve(name.replace('-', '_') + "-" + version + "-py3-none-any.whl");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private record Run(int exitCode, String output) {
        Run(Processes.Result result) {
            this(result.exitCode(), result.output());
        }
    }

    /** bin/python-tools with only these variables (and HOME), stdout and stderr together. */
    private Run run(Map<String, String> environment) throws IOException {
        Map<String, String> env = new HashMap<>(environment);
        env.put("HOME", dir.toString());
        return new Run(Processes.run(List.of(utilities.resolve("bash").toString(), "bin/python-tools"), project, env));
    }

    /** A PATH of these folders and the utilities the script needs. */
    private String path(Path... folders) {
        return Stream.concat(Stream.of(folders), Stream.of(utilities)).map(Path::toString)
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The interpreter python3 on this JVM's PATH really is (not a pyenv shim, which needs more than the utilities). */
    private Path realPython3() throws IOException {
        if (onPath("python3").isEmpty()) {
            return null;
        }
        Processes.Result result = Processes.run(List.of("python3", "-c", "import sys; print(sys.executable)"), dir, null);
        return result.exitCode() == 0 ? Path.of(result.output().strip()) : null;
    }

    /** Where this JVM's PATH finds {@code tool}. */
    private static Optional<Path> onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(d -> Path.of(d, tool))
                .filter(Files::isExecutable).findFirst();
    }
}
