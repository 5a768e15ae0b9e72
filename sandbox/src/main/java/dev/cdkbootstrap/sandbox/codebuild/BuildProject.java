package dev.cdkbootstrap.sandbox.codebuild;

import java.nio.file.Path;
import java.util.Map;

/**
 * A CodeBuild project as the local runner needs it: its buildspec file, its own environment
 * variables and the region/account its builds run in.
 */
public record BuildProject(String name, String region, String account, Path buildspec,
                           Map<String, String> environment) {
    public BuildProject {
        environment = Map.copyOf(environment);
    }
}
