package dev.cdkbootstrap.plan;

import dev.cdkbootstrap.config.ConfigValidationException;

/** Entry point of the config engine: cdk-app.yml bytes in, a plan (or every error) out. */
public final class ConfigPlanner {

    private ConfigPlanner() {}

    /**
     * @param fileName the name used in error lines (e.g. {@code cdk-app.yml} or {@code s3://b/k})
     * @throws ConfigValidationException with every error found
     */
    public static PlannedConfig plan(String fileName, byte[] content, PolicyFiles policyFiles) {
        throw new UnsupportedOperationException("config engine: not implemented yet (issue 2)");
    }
}
