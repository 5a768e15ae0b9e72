package dev.cdkbootstrap.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Policy files from a local folder (the folder of cdk-app.yml, or {@code --policies-dir}). The
 * planner has already rejected absolute and climbing paths; this also refuses a symbolic link that
 * leads out of the folder, and files too large to be a policy ({@link PolicyFileException}); a file that
 * cannot be read at all is an {@link UncheckedIOException}.
 */
public final class DirectoryPolicyFiles implements PolicyFiles {
    /** Far above IAM's limit; a larger file is not read into memory at all. */
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private final Path folder;

    public DirectoryPolicyFiles(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public Optional<String> read(String relativePath) {
        Path file = folder.resolve(relativePath).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (!file.toRealPath().startsWith(folder.toRealPath(LinkOption.NOFOLLOW_LINKS).toRealPath())) {
                throw new PolicyFileException(relativePath, "links outside " + folder);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new PolicyFileException(relativePath, "is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new PolicyFileException(relativePath, "is not valid UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
