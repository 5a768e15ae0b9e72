package dev.cdkbootstrap.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's files as the contract tests see them (root = the folder holding template.yaml). */
final class ProjectFiles {

    private ProjectFiles() {}

    static Path root() {
        String configured = System.getProperty("project.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml in " + start + " or above; run from the project");
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    /** A JSON file of the project, parsed strictly (an invalid file fails the test naming it). */
    static com.fasterxml.jackson.databind.JsonNode json(String relative) {
        try {
            return dev.cdkbootstrap.json.Json.strict().readTree(text(relative));
        } catch (IOException e) {
            throw new IllegalStateException(relative + " is not valid JSON", e);
        }
    }

    static String text(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
