package dev.cdkbootstrap.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The one HTTP client every SDK client shares. It forwards each request to the real client, except
 * SnapStart priming requests (those carrying {@link #HEADER}), which it answers itself with an
 * empty HTTP 400 without opening a connection: priming runs marshalling, endpoint rules, signing,
 * retries and error unmarshalling of our real clients, and never reaches AWS.
 */
final class PrimingHttpClient implements SdkHttpClient {
    /** Marks a priming request; set only by {@link AwsClients#prime()}. */
    static final String HEADER = "x-cdk-bootstrap-priming";

    private final SdkHttpClient delegate;
    private final AtomicInteger answeredLocally = new AtomicInteger();

    PrimingHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (request.httpRequest().firstMatchingHeader(HEADER).isEmpty()) {
            return delegate.prepareRequest(request);
        }
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                // Read the body as a real client would (checksums and streaming code get loaded too).
                request.contentStreamProvider().ifPresent(body -> {
                    try (InputStream in = body.newStream()) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                answeredLocally.incrementAndGet();
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(400).statusText("SnapStart priming").build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(new byte[0])))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    /** How many priming requests were answered here (tests and the priming log line). */
    int answeredLocally() {
        return answeredLocally.get();
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
