package dev.cdkbootstrap.config;

/**
 * One problem in a cdk-app.yml, with its place: 1-based line and column of the offending node
 * ({@code 1:1} for file-level problems such as size or emptiness) and a path such as
 * {@code cdk_app_config.deployments[1].stages[0].account}.
 */
public record ConfigError(String file, int line, int column, String path, String message) {

    /** {@code FILE:LINE:COL: error: PATH: MESSAGE}, the form the CLI and the workflow print. */
    public String format() {
        return file + ":" + line + ":" + column + ": error: " + path + ": " + message;
    }
}
