package dev.cdkbootstrap.sandbox.front;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP answer the front endpoint sends back: from moto, or made locally. */
public record Reply(int status, Map<String, List<String>> headers, byte[] body) {

    public static Reply json(int status, String json) {
        return of(status, "application/x-amz-json-1.1", json);
    }

    public static Reply of(int status, String contentType, String text) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        return new Reply(status, headers, text.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Reply withBody(String text) {
        return new Reply(status, headers, text.getBytes(StandardCharsets.UTF_8));
    }
}
