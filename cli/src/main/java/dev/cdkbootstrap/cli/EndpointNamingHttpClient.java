package dev.cdkbootstrap.cli;

import java.io.IOException;
import java.net.URI;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The SDK's HTTP client with I/O failures that name where the request went: the SDK's own say only
 * "Unable to execute HTTP request: Connection refused", which does not tell a mistyped {@code --endpoint-url}
 * from AWS being out of reach. Retries are unchanged: {@link Unreachable} is still an {@link IOException}.
 */
final class EndpointNamingHttpClient implements SdkHttpClient {
    private final SdkHttpClient http;
    private final String source;

    /** @param source where the endpoint comes from, as the user set it ("--endpoint-url", ...) */
    EndpointNamingHttpClient(SdkHttpClient http, String source) {
        this.http = http;
        this.source = source;
    }

    /** An endpoint ({@code scheme://host[:port]}) that did not answer, where it was set, and why. */
    static final class Unreachable extends IOException {
        private final String endpoint;
        private final String source;

        Unreachable(String endpoint, String source, IOException cause) {
            super(cause.getMessage(), cause);
            this.endpoint = endpoint;
            this.source = source;
        }

        String endpoint() {
            return endpoint;
        }

        String source() {
            return source;
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = http.prepareRequest(request);
        URI uri = request.httpRequest().getUri();
        String endpoint = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                try {
                    return prepared.call();
                } catch (IOException e) {
                    throw new Unreachable(endpoint, source, e);
                }
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return http.clientName();
    }

    @Override
    public void close() {
        http.close();
    }
}
