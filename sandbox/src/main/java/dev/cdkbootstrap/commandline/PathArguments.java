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
