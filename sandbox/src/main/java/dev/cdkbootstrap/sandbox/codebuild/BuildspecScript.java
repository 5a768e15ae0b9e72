package dev.cdkbootstrap.sandbox.codebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A buildspec (version 0.2) turned into one bash script: all commands run in one shell, as in
 * CodeBuild, so variables exported in one phase are seen by the next. Before each phase the script
 * appends the phase name to {@code $SANDBOX_PHASE_FILE}, so a failing build names its failed phase.
 * Simplification: the first failing command ends the build (no POST_BUILD after a failed BUILD,
 * no {@code on-failure}, no {@code finally}).
 */
public record BuildspecScript(Map<String, String> variables, String script) {
    static final List<String> PHASES = List.of("install", "pre_build", "build", "post_build");

    public static BuildspecScript parse(Path buildspec) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(buildspec));
            if (root == null || !root.path("phases").isObject()) {
                throw new IllegalArgumentException(buildspec + ": no phases");
            }
            Map<String, String> variables = new LinkedHashMap<>();
            root.path("env").path("variables").properties()
                    .forEach(e -> variables.put(e.getKey(), e.getValue().asText()));
            StringBuilder script = new StringBuilder("#!/usr/bin/env bash\nset -e\n");
            for (String phase : PHASES) {
                JsonNode commands = root.path("phases").path(phase).path("commands");
                script.append("printf '%s\\n' ").append(phase.toUpperCase()).append(" >> \"$SANDBOX_PHASE_FILE\"\n");
                script.append("echo '[sandbox] phase ").append(phase.toUpperCase()).append("'\n");
                for (JsonNode command : commands) {
                    script.append(command.asText()).append('\n');
                }
            }
            script.append("printf '%s\\n' COMPLETED >> \"$SANDBOX_PHASE_FILE\"\n");
            return new BuildspecScript(variables, script.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read buildspec " + buildspec + ": " + e.getMessage(), e);
        }
    }
}
