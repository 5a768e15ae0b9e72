package dev.cdkbootstrap.cli.stack;

import dev.cdkbootstrap.aws.S3ObjectStore;
import dev.cdkbootstrap.config.ConfigLimits;
import dev.cdkbootstrap.plan.ConfigPlanner;
import dev.cdkbootstrap.plan.PlannedConfig;
import dev.cdkbootstrap.workflow.ObjectStorePolicyFiles;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The config a deployed stack runs: the latest version of its ConfigKey, planned here with the same
 * engine and the policy files beside it in the bucket, as LoadConfig will plan it.
 *
 * @param versionId the version planned (null in a bucket that keeps no versions)
 */
public record DeployedConfig(String file, String versionId, PlannedConfig planned) {

    /**
     * @throws dev.cdkbootstrap.config.ConfigValidationException with every error, when the config is invalid
     * @throws IllegalStateException when there is no config (nothing uploaded yet) or it is too large
     */
    public static DeployedConfig read(S3Client s3, DeployedStack stack) {
        ObjectStore store = new S3ObjectStore(s3);
        String file = stack.url(stack.configKey());
        ObjectStore.StoredObject config;
        try {
            config = store.read(stack.configBucket(), stack.configKey(), null, ConfigLimits.MAX_BYTES)
                    .orElseThrow(() -> new IllegalStateException("stack " + stack.name() + " has no config yet: " + file
                            + " does not exist (bootstrapctl upload FILE --stack " + stack.name() + ")"));
        } catch (ObjectStore.ObjectTooLarge e) {
            throw new IllegalStateException(file + " is larger than " + ConfigLimits.MAX_BYTES + " bytes");
        }
        PlannedConfig planned = ConfigPlanner.plan(file, config.content(), new ObjectStorePolicyFiles(store,
                stack.configBucket(), stack.configKey(), DeployedStack.RUNS_ROOT));
        return new DeployedConfig(file, config.versionId(), planned);
    }
}
