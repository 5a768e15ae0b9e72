package dev.cdkbootstrap.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An in-memory {@link SdkHttpClient}: answers each request with the next scripted response and
 * records what was sent. With no script left it fails the call (and the test): "no network here".
 */
public final class ScriptedHttpClient implements SdkHttpClient {
    /** One request as it would have gone on the wire. */
    public record Sent(SdkHttpRequest request, String body) {}

    private record Answer(int status, String body, IOException failure) {}

    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Sent> sent = new ArrayList<>();

    public ScriptedHttpClient answer(int status, String body) {
        script.add(new Answer(status, body, null));
        return this;
    }

    public ScriptedHttpClient fail(IOException failure) {
        script.add(new Answer(0, null, failure));
        return this;
    }

    public List<Sent> sent() {
        return sent;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                String body = request.contentStreamProvider().map(p -> {
                    try (InputStream in = p.newStream()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).orElse("");
                sent.add(new Sent(request.httpRequest(), body));
                Answer answer = script.poll();
                if (answer == null) {
                    throw new AssertionError("unexpected network call: " + request.httpRequest().method() + " "
                            + request.httpRequest().getUri());
                }
                if (answer.failure() != null) {
                    throw answer.failure();
                }
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(answer.status()).build())
                        .responseBody(AbortableInputStream.create(
                                new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8))))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public String clientName() {
        return "scripted";
    }

    @Override
    public void close() {
    }
}
