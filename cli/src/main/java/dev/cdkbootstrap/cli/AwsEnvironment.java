package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.aws.AwsClients;
import dev.cdkbootstrap.commandline.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;

/**
 * AWS clients for the commands that act on a deployed stack (approve, reject, upload, run, status,
 * report): the SDK's default credential chain (environment, {@code AWS_PROFILE}/profiles, SSO, container
 * and instance roles); the region from {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else the
 * profile's {@code region}; the endpoint from {@code --endpoint-url}, else {@code AWS_ENDPOINT_URL}
 * (an emulator such as {@code bootstrapctl sandbox --serve}), else AWS's.
 */
final class AwsEnvironment {
    private AwsEnvironment() {}

    /** @param endpointOption {@code --endpoint-url} (already checked by {@link #endpoint}), or null */
    static AwsClients clients(String endpointOption) {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (endpointOption != null) {
            env.put("AWS_ENDPOINT_URL", endpointOption);
        } else if (env.get("AWS_ENDPOINT_URL") != null && !env.get("AWS_ENDPOINT_URL").isBlank()) {
            checkUrl(env.get("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL");
        }
        env.put("AWS_REGION", region(env));
        return AwsClients.from(env, false);
    }

    private static String region(Map<String, String> env) {
        for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            if (env.get(name) != null && !env.get(name).isBlank()) {
                return env.get(name);
            }
        }
        try {
            return new AwsProfileRegionProvider().getRegion().id();
        } catch (SdkException | IllegalArgumentException e) {
            throw new UsageException("no AWS region: set AWS_REGION to the stack's region (or a region in the profile)");
        }
    }

    /** The value of {@code --endpoint-url} when it is an absolute http(s) URL, else a usage error. */
    static String endpoint(String url) {
        return checkUrl(url, "--endpoint-url");
    }

    /** The SDK would fail later without saying which setting is wrong: say it here. */
    private static String checkUrl(String url, String setting) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // fall through to the usage error
        }
        throw new UsageException(setting + " must be an http(s) URL such as http://127.0.0.1:4566, not '" + url + "'");
    }

    /** One line for an AWS failure: the service's error code and message, or the client's reason. */
    static String message(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
