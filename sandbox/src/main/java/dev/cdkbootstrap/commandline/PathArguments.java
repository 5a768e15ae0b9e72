package dev.cdkbootstrap.commandline;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one check of every file or folder named on a command line (the config FILE, {@code --config},
 * {@code --then-config}, {@code --given}, {@code --policies-dir}, ...), before anything starts. A mistake is a
 * {@link UsageException} (exit {@link ExitCodes#USAGE}) worded the same everywhere:
 * {@code [OPTION ]PATH: no such file}, {@code ...: no such directory}, {@code ...: is a directory, expected a
 * file}, {@code ...: is a file, expected a directory}, {@code ...: not readable}; an empty value (picocli
 * would read {@code ''} as the current folder) is {@code OPTION: empty value, expected a file} (or {@code a
 * directory}), {@code FILE is empty} for the positional FILE.
 */
public final class PathArguments {
    private PathArguments() {}

    /**
     * @param option the option that named it (e.g. {@code --given}), or null for the positional FILE and
     *               {@code --config}, whose file is the command's subject
     * @return {@code path}, an existing readable regular file (or a symbolic link to one)
     */
    public static Path requireFile(String option, Path path) {
        requireValue(option, path, "a file");
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
        requireValue(option, path, "a directory");
        if (!Files.exists(path)) {
            throw new UsageException(label(option, path) + ": no such directory");
        }
        if (!Files.isDirectory(path)) {
            throw new UsageException(label(option, path) + ": is a file, expected a directory");
        }
        return path;
    }

    /**
     * A folder the command creates when absent ({@code --work-dir}), created now: an existing non-folder is
     * refused, and so is a missing parent unless {@code withParents} (the command's own default), as for
     * {@link #requireWritableFile} (docs/sandbox.md, "Options"). A failure to create it is a usage error naming
     * the option and the reason, e.g. {@code --work-dir /proc/x: cannot create it: permission denied}.
     */
    public static Path createDirectory(String option, Path path, boolean withParents) {
        requireValue(option, path, "a directory");
        if (Files.exists(path)) {
            return requireDirectory(option, path);
        }
        if (!withParents) {
            requireParent(option, path, path.toAbsolutePath().normalize().getParent());
        }
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UsageException(label(option, path) + ": cannot create it: " + reason(e));
        }
        return path;
    }

    /**
     * A file the command will write ({@code --report}): not a folder, and its parent folder exists and takes a
     * new file (tried now), unless it lies in {@code createdDir}, a folder the command creates itself
     * (docs/sandbox.md, "Options": no folder is created elsewhere, so a typo cannot leave folders behind, e.g.
     * at the filesystem root).
     */
    public static Path requireWritableFile(String option, Path path, Path createdDir) {
        requireValue(option, path, "a file");
        if (Files.isDirectory(path)) {
            throw new UsageException(label(option, path) + ": is a directory, expected a file");
        }
        Path absolute = path.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent != null && !absolute.startsWith(createdDir.toAbsolutePath().normalize())) {
            requireParent(option, path, parent);
            try { // root passes every access check, so only writing tells (e.g. /proc)
                Files.delete(Files.createTempFile(parent, ".bootstrapctl-", ".tmp"));
            } catch (IOException e) {
                throw new UsageException(label(option, path) + ": cannot write in " + parent);
            }
        }
        return path;
    }

    private static void requireValue(String option, Path path, String expected) {
        if (path.toString().isEmpty()) {
            throw new UsageException(option == null ? "FILE is empty" : option + ": empty value, expected " + expected);
        }
    }

    private static void requireParent(String option, Path path, Path parent) {
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException(label(option, path) + (Files.exists(parent)
                    ? ": " + parent + " is a file, expected a directory" : ": no such directory " + parent));
        }
    }

    /** The reason without the java.nio class name ("permission denied", "Read-only file system", ...). */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) { // its parent exists (checked): the file system refuses it, e.g. /proc
            return "the file system does not allow it";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
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
