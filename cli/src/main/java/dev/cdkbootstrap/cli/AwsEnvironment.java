package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.aws.AwsClients;
import dev.cdkbootstrap.commandline.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
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

    /**
     * @param endpointOption {@code --endpoint-url} (already checked by {@link #endpoint}), or null
     * @return clients whose connection failures name the endpoint and where it was set ({@link StackFailures})
     */
    static AwsClients clients(String endpointOption) {
        Map<String, String> env = System.getenv();
        String endpoint = endpointOption;
        String source = "--endpoint-url";
        if (endpoint == null && env.get("AWS_ENDPOINT_URL") != null && !env.get("AWS_ENDPOINT_URL").isBlank()) {
            endpoint = checkUrl(env.get("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL");
            source = "AWS_ENDPOINT_URL";
        }
        Region region = Region.of(region(env));
        if (endpoint == null) {
            source = "AWS's endpoint in " + region.id() + "; --endpoint-url sets another";
        }
        // as AwsClients.from, with an HTTP client that says where a request could not go
        return AwsClients.using(region, endpoint == null ? null : URI.create(endpoint),
                DefaultCredentialsProvider.builder().build(),
                new EndpointNamingHttpClient(UrlConnectionHttpClient.builder().build(), source));
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
}
