package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.commandline.UsageException;
import picocli.CommandLine.Option;

/**
 * What every deployed-stack command (upload, run, status, report, approve, reject) takes: {@code --stack NAME}
 * and {@code --endpoint-url URL}; credentials and region as {@link AwsEnvironment} says.
 */
final class StackOptions {
    @Option(names = "--stack", required = true, paramLabel = "NAME", description = "The orchestrator's CloudFormation stack.")
    String stack;
    @Option(names = "--endpoint-url", paramLabel = "URL", description = "An endpoint other than AWS's, e.g. an emulator"
            + " ('bootstrapctl sandbox --serve'); default: AWS_ENDPOINT_URL, else AWS's.")
    String endpointUrl;

    /** The stack's name, never blank. */
    String stack() {
        if (stack.isBlank()) {
            throw new UsageException("--stack needs a value (NAME)");
        }
        return stack;
    }

    /** --endpoint-url once checked (an absolute http(s) URL), or null. */
    String endpoint() {
        return endpointUrl == null ? null : AwsEnvironment.endpoint(endpointUrl);
    }

    /** Checks both before anything is called. */
    StackOptions checked() {
        stack();
        endpoint();
        return this;
    }
}
