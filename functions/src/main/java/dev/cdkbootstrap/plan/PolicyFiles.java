package dev.cdkbootstrap.plan;

import java.util.Optional;

/**
 * Where execution-policy files (and custom bootstrap templates, {@code template}) are read from: the
 * folder holding cdk-app.yml (locally a directory, in the workflow the config object's key prefix in
 * S3). Paths are relative and already checked
 * for traversal by the planner. The planner asks once per distinct path, but it does ask for the
 * default name {@code execution_policy_<ACCOUNT>_<REGION>.json} of every target without an explicit
 * policy: an adapter over a remote store with many targets should list the folder once and answer
 * from that listing. A file that exists but cannot be used (too large, not UTF-8, outside the
 * folder) is a {@link PolicyFileException} saying why, one that cannot be read an
 * {@link java.io.UncheckedIOException}: the planner reports either as a config error where the path is named.
 */
public interface PolicyFiles {

    /** The file's text, or empty when no such file exists. */
    Optional<String> read(String relativePath);
}
