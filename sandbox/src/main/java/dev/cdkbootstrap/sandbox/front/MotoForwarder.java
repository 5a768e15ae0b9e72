package dev.cdkbootstrap.sandbox.front;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sends a request on to moto unchanged (same method, path, headers including Host, body) and returns
 * moto's answer. Also makes the sandbox's own calls to moto in a chosen account.
 */
public final class MotoForwarder {
    static {
        allowHostHeader();
    }

    /**
     * A virtual-hosted S3 request names its bucket in Host, so Host must reach moto unchanged. The JDK
     * reads this property once, when the first HttpClient is built: call this before any.
     */
    public static void allowHostHeader() {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "content-length", "expect", "upgrade", "transfer-encoding", "keep-alive", "te",
            "http2-settings");

    private final URI moto;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public MotoForwarder(URI moto) {
        this.moto = moto;
    }

    public URI endpoint() {
        return moto;
    }

    public Reply forward(Exchange exchange) {
        URI target = moto.resolve(exchange.uri().getRawPath()
                + (exchange.uri().getRawQuery() == null ? "" : "?" + exchange.uri().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofMinutes(2))
                .method(exchange.method(), exchange.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(exchange.body()));
        exchange.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("host")) {
                values.stream().filter(MotoForwarder::namesMoreThanLoopback).findFirst()
                        .ifPresent(host -> request.header(name, host));
            } else if (!HOP_BY_HOP.contains(lower)) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return send(request.build());
    }

    /** A Host such as {@code bucket.localhost:4566} carries information (S3 virtual-hosted style). */
    private static boolean namesMoreThanLoopback(String host) {
        String name = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        return !(name.equals("127.0.0.1") || name.equals("localhost") || name.equals("[::1]"));
    }

    /** A query-protocol call (IAM, STS, CloudFormation, SNS) made by the sandbox itself in {@code account}. */
    public Reply query(String service, String region, String account, Map<String, String> params) {
        HttpRequest request = HttpRequest.newBuilder(moto.resolve("/"))
                .timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", authorization(service, region))
                .header("x-moto-account-id", account)
                .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                .build();
        return send(request);
    }

    /**
     * A query-protocol call made on behalf of {@code caller}: its Authorization, session token and
     * account headers go along, so moto files the call under the caller's account and region (an
     * assumed role's keys included) without the sandbox knowing which account that is.
     */
    public Reply queryAsCaller(Exchange caller, Map<String, String> params) {
        HttpRequest.Builder request = HttpRequest.newBuilder(moto.resolve("/"))
                .timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        for (String name : List.of("Authorization", "X-Amz-Security-Token", "X-Amz-Date", "x-moto-account-id")) {
            caller.header(name).ifPresent(value -> request.header(name, value));
        }
        return send(request.build());
    }

    private static String form(Map<String, String> params) {
        StringBuilder form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return form.toString();
    }

    /** A JSON-protocol call ({@code X-Amz-Target}) made by the sandbox itself in {@code account}. */
    public Reply json(String service, String region, String account, String target, String body) {
        HttpRequest request = HttpRequest.newBuilder(moto.resolve("/"))
                .timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", target)
                .header("Authorization", authorization(service, region))
                .header("x-moto-account-id", account)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request);
    }

    /**
     * A REST-JSON call (EventBridge Scheduler) made by the sandbox itself in {@code account}: {@code body}
     * null for a call without one (GET).
     */
    public Reply rest(String method, String service, String region, String account, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(moto.resolve(path))
                .timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization(service, region))
                .header("x-moto-account-id", account)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return send(request);
    }

    /** moto routes by the credential scope and never checks the signature. */
    private static String authorization(String service, String region) {
        return "AWS4-HMAC-SHA256 Credential=sandbox/20250101/" + region + "/" + service
                + "/aws4_request, SignedHeaders=host, Signature=0";
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            // Content-Length stays: a HEAD answer's describes the object (the front's server sets it for bodies).
            response.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if ((lower.equals("content-length") || !HOP_BY_HOP.contains(lower)) && !name.startsWith(":")) {
                    headers.put(name, values);
                }
            });
            return new Reply(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("moto did not answer " + request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling moto", e);
        }
    }
}
