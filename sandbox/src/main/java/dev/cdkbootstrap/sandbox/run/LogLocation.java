package dev.cdkbootstrap.sandbox.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where a target's build log is, for a console: report.json's {@code logsUrl} (in AWS CodeBuild's link to the
 * log, in the sandbox the local file, shown as a path relative to the working directory when it is below it),
 * else the CodeBuild build id, else that no build ran.
 */
final class LogLocation {
    private LogLocation() {}

    static String of(JsonNode target) {
        String url = target.path("logsUrl").asText("");
        String build = target.path("buildId").asText("");
        if (url.startsWith("file:")) {
            return "build log: " + localPath(url);
        }
        if (!url.isEmpty()) {
            return "build log: " + url;
        }
        return build.isEmpty() ? "no build ran" : "build " + build + " (its log is in the project's log group)";
    }

    /** Whether a build ran for the target: report.json names its log or its build. */
    static boolean hasLog(JsonNode target) {
        return !target.path("logsUrl").asText("").isEmpty() || !target.path("buildId").asText("").isEmpty();
    }

    private static String localPath(String url) {
        try {
            Path file = Path.of(URI.create(url));
            Path here = Path.of("").toAbsolutePath();
            return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return url;
        }
    }
}
