package dev.cdkbootstrap.commandline;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one check of every file or folder named on a command line (the config FILE, {@code --config},
 * {@code --then-config}, {@code --given}, {@code --policies-dir}, ...), before anything starts. A mistake is a
 * {@link UsageException} (exit {@link ExitCodes#USAGE}) worded the same everywhere:
 * {@code [OPTION ]PATH: no such file}, {@code ...: no such directory}, {@code ...: is a directory, expected a
 * file}, {@code ...: is a file, expected a directory}, {@code ...: not readable}.
 */
public final class PathArguments {
    private PathArguments() {}

    /**
     * @param option the option that named it (e.g. {@code --given}), or null for the positional FILE and
     *               {@code --config}, whose file is the command's subject
     * @return {@code path}, an existing readable regular file (or a symbolic link to one)
     */
    public static Path requireFile(String option, Path path) {
        if (Files.isDirectory(path)) {
            throw new UsageException(label(option, path) + ": is a directory, expected a file");
        }
        if (!Files.exists(path)) {
            throw new UsageException(label(option, path) + ": no such file");
        }
        if (!Files.isReadable(path)) {
            throw new UsageException(label(option, path) + ": not readable");
        }
        return path;
    }

    /** As {@link #requireFile}, for a folder. */
    public static Path requireDirectory(String option, Path path) {
        if (!Files.exists(path)) {
            throw new UsageException(label(option, path) + ": no such directory");
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException(label(option, path) + ": is a file, expected a directory");
        }
        return path;
    }

    /** A folder the command creates when absent ({@code --work-dir}): only an existing non-folder is refused. */
    public static Path requireDirectoryOrAbsent(String option, Path path) {
        return Files.exists(path) ? requireDirectory(option, path) : path;
    }

    /**
     * A file the command will write ({@code --report}): not a folder, and its parent folder exists, unless it lies
     * in {@code createdDir}, a folder the command creates itself (docs/sandbox.md, "Options": no folder is created
     * elsewhere, so a typo cannot leave folders behind, e.g. at the filesystem root).
     */
    public static Path requireWritableFile(String option, Path path, Path createdDir) {
        if (Files.isDirectory(path)) {
            throw new UsageException(label(option, path) + ": is a directory, expected a file");
        }
        Path absolute = path.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent != null && !absolute.startsWith(createdDir.toAbsolutePath().normalize()) && !Files.isDirectory(parent)) {
            throw new UsageException(label(option, path) + (Files.exists(parent)
                    ? ": " + parent + " is a file, expected a directory" : ": no such directory " + parent));
        }
        return path;
    }

    /**
     * The config a command was given, as the positional FILE or {@code --config FILE} (the same one twice is one).
     *
     * @param subject what the config is for, said when none is given (e.g. "the cdk-app.yml to run"), or null
     * @throws UsageException when neither is given or the two name different files
     */
    public static <T> T oneConfig(T file, T config, String subject) {
        if (file != null && config != null && !file.equals(config)) {
            throw new UsageException("FILE " + file + " and --config " + config + " name two configs; give one");
        }
        if (file == null && config == null) {
            throw new UsageException("needs FILE (or --config FILE)" + (subject == null ? "" : ": " + subject));
        }
        return file != null ? file : config;
    }

    private static String label(String option, Path path) {
        return option == null ? path.toString() : option + " " + path;
    }
}
