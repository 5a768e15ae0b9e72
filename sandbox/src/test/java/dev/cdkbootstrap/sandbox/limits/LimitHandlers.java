package dev.cdkbootstrap.sandbox.limits;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import java.util.concurrent.atomic.AtomicInteger;

/** In-process handlers for LimitsIT: a reply of a chosen size, and an error with a message of a chosen length. */
final class LimitHandlers {
    static final class Loud extends RuntimeException {
        Loud(String message) { super(message); }
    }

    final AtomicInteger sizedCalls = new AtomicInteger();

    /** Input {@code {"size": n, "sleepMs": m}} → {@code {"blob": "x" * n}} (n + 11 bytes) after m ms. */
    RequestStreamHandler sized() {
        return (in, out, context) -> {
            JsonNode event = Json.tolerant().readTree(in);
            sizedCalls.incrementAndGet();
            try {
                Thread.sleep(event.path("sleepMs").asLong(0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write(Json.tolerant().writeValueAsBytes(Json.tolerant().createObjectNode()
                    .put("blob", "x".repeat(event.path("size").asInt()))));
        };
    }

    /** Input {@code {"length": n}} → throws {@link Loud} with a message of n characters. */
    RequestStreamHandler loud() {
        return (in, out, context) -> {
            throw new Loud("m".repeat(Json.tolerant().readTree(in).path("length").asInt()));
        };
    }
}
