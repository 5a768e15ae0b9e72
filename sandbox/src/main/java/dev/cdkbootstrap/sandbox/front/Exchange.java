package dev.cdkbootstrap.sandbox.front;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HTTP request that reached the front endpoint, fully read (AWS API bodies are small). */
public record Exchange(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The AWS JSON-protocol operation ({@code X-Amz-Target}), or empty. */
    public String target() {
        return header("X-Amz-Target").orElse("");
    }

    /** Form parameters of an AWS query-protocol request (body and query string). */
    public Map<String, String> formParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        parseForm(uri.getRawQuery(), params);
        if (header("Content-Type").orElse("").startsWith("application/x-www-form-urlencoded")) {
            parseForm(bodyText(), params);
        }
        return params;
    }

    /** The region in the caller's SigV4 credential scope, if signed. */
    public Optional<String> signedRegion() {
        return scope(2);
    }

    /** The access key id the caller signed with (SigV4 credential scope), if signed. */
    public Optional<String> accessKeyId() {
        return scope(0);
    }

    /** This request with one more header (or that header replaced). */
    public Exchange withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((key, values) -> {
            if (!key.equalsIgnoreCase(name)) {
                copy.put(key, values);
            }
        });
        copy.put(name, List.of(value));
        return new Exchange(method, uri, copy, body);
    }

    /** The service in the caller's SigV4 credential scope (e.g. {@code cloudformation}), if signed. */
    public Optional<String> signedService() {
        return scope(3);
    }

    /** The CloudFormation query action ({@code DescribeStacks}, ...) of this request, or empty. */
    public Optional<String> cloudFormationAction() {
        if (!signedService().orElse("").equals("cloudformation")) {
            return Optional.empty();
        }
        return Optional.ofNullable(formParameters().get("Action"));
    }

    private Optional<String> scope(int index) {
        String auth = header("Authorization").orElse("");
        int at = auth.indexOf("Credential=");
        if (at < 0) {
            return Optional.empty();
        }
        String[] scope = auth.substring(at + "Credential=".length()).split("[,\\s]")[0].split("/");
        return scope.length > index ? Optional.of(scope[index]) : Optional.empty();
    }

    private static void parseForm(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(key, value);
        }
    }
}
