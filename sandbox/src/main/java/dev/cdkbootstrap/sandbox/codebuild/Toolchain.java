package dev.cdkbootstrap.sandbox.codebuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The programs a local build finds on its PATH: the project's pinned CDK CLI from
 * {@code node_modules/.bin} ({@code npm ci} first when it is missing), and shims in front of it so a buildspec written for CodeBuild runs here:
 * {@code npm install -g aws-cdk@V} is a no-op (the pinned CLI is already there), {@code npx aws-cdk@V}
 * runs the pinned CLI, and {@code cdk bootstrap} exits 1 for builds the sandbox was told to fail
 * ({@code --failing-build}) and exits 0 without doing anything for {@code --noop-build} targets.
 */
public record Toolchain(Path shims, Path nodeBin, Path home) {

    public static Toolchain prepare(Path projectRoot, Path workDir, Collection<String> failingBuilds) {
        return prepare(projectRoot, workDir, failingBuilds, java.util.List.of());
    }

    /** Also: {@code cdk bootstrap} of the {@code noopBuilds} targets (ACCOUNT/REGION) exits 0 and changes nothing. */
    public static Toolchain prepare(Path projectRoot, Path workDir, Collection<String> failingBuilds,
                                    Collection<String> noopBuilds) {
        Path nodeBin = projectRoot.resolve("node_modules/.bin").toAbsolutePath().normalize();
        if (!Files.isExecutable(nodeBin.resolve("cdk"))) {
            installPinnedNodeTools(projectRoot, workDir);
        }
        Path shims = workDir.resolve("shims").toAbsolutePath();
        Path home = workDir.resolve("home").toAbsolutePath();
        try {
            Files.createDirectories(shims);
            Files.createDirectories(home);
            String failing = failingBuilds.stream().collect(Collectors.joining(" "));
            String noop = noopBuilds.stream().collect(Collectors.joining(" "));
            write(shims.resolve("cdk"), """
                    #!/usr/bin/env bash
                    if [[ "$1" == bootstrap ]]; then
                      case " %s " in
                        *" ${TARGET_ACCOUNT}/${TARGET_REGION} "*)
                          echo "sandbox: --failing-build ${TARGET_ACCOUNT}/${TARGET_REGION}: cdk bootstrap exits 1" >&2; exit 1;;
                      esac
                      case " %s " in
                        *" ${TARGET_ACCOUNT}/${TARGET_REGION} "*)
                          echo "sandbox: --noop-build ${TARGET_ACCOUNT}/${TARGET_REGION}: cdk bootstrap exits 0 and changes nothing"; exit 0;;
                      esac
                    fi
                    exec "%s/cdk" "$@"
                    """.formatted(failing, noop, nodeBin));
            write(shims.resolve("npm"), """
                    #!/usr/bin/env bash
                    if [[ " $* " == *" aws-cdk"* && ( " $* " == *" -g "* || " $* " == *" --global "* ) ]]; then
                      echo "sandbox: skipped 'npm $*': the pinned aws-cdk from node_modules is on PATH"; exit 0
                    fi
                    exec "$(PATH="${PATH#*:}" command -v npm)" "$@"
                    """);
            write(shims.resolve("npx"), """
                    #!/usr/bin/env bash
                    args=()
                    for a in "$@"; do case "$a" in -y|--yes) ;; *) args+=("$a");; esac; done
                    case "${args[0]}" in
                      aws-cdk|aws-cdk@*|cdk) exec "%s/cdk" "${args[@]:1}";;
                    esac
                    exec "$(PATH="${PATH#*:}" command -v npx)" "$@"
                    """.formatted(shims));
            return new Toolchain(shims, nodeBin, home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code npm ci} in the project: the CDK CLI version package-lock.json pins. */
    private static void installPinnedNodeTools(Path projectRoot, Path workDir) {
        Path root = projectRoot.toAbsolutePath().normalize();
        try {
            Files.createDirectories(workDir);
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("npm-ci.log").toFile()).start();
            if (npm.waitFor() != 0 || !Files.isExecutable(root.resolve("node_modules/.bin/cdk"))) {
                throw new IllegalStateException("`npm ci` in " + root + " did not install the CDK CLI; see "
                        + workDir.resolve("npm-ci.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run `npm ci` in " + root + " (is npm installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during `npm ci`", e);
        }
    }

    public String path() {
        return shims + ":" + nodeBin + ":" + System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
