package dev.cdkbootstrap.cli.stack;

import dev.cdkbootstrap.aws.AwsClients;
import dev.cdkbootstrap.aws.StackOutputs;
import java.util.Map;

/**
 * Where a deployed orchestrator keeps what the commands need, from its stack's Outputs (template.yaml):
 * the config bucket ({@code ConfigBucketName}), the key whose upload starts a run ({@code ConfigKey})
 * and the state machine ({@code StateMachineArn}). Run folders are {@code runs/<runId>/} in the bucket
 * ({@code RunLayout.RUNS_ROOT}; docs/contracts.md, "S3 layout of a run").
 */
public record DeployedStack(String name, String configBucket, String configKey, String stateMachineArn) {
    /** Every run's folder is under it ({@code RunLayout.RUNS_ROOT}, the one source). */
    public static final String RUNS_ROOT = dev.cdkbootstrap.workflow.RunLayout.RUNS_ROOT;

    /** @throws IllegalStateException naming the stack and what is missing */
    public static DeployedStack resolve(AwsClients clients, String stackName) {
        Map<String, String> outputs = StackOutputs.of(clients, stackName);
        return new DeployedStack(stackName, StackOutputs.require(outputs, stackName, "ConfigBucketName"),
                StackOutputs.require(outputs, stackName, "ConfigKey"),
                StackOutputs.require(outputs, stackName, "StateMachineArn"));
    }

    /** The folder of the config key: the files the config names are uploaded relative to it. */
    public String configFolder() {
        return configKey.contains("/") ? configKey.substring(0, configKey.lastIndexOf('/') + 1) : "";
    }

    /** {@code s3://bucket/key}. */
    public String url(String key) {
        return "s3://" + configBucket + "/" + key;
    }
}
