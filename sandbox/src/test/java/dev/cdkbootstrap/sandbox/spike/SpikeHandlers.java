package dev.cdkbootstrap.sandbox.spike;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Throwaway handlers for the interpreter spike: item 3 fails once (retried), item 5 always (caught). */
final class SpikeHandlers {
    static final class Flaky extends RuntimeException {
        Flaky(String message) { super(message); }
    }

    static final class Broken extends RuntimeException {
        Broken(String message) { super(message); }
    }

    final Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();

    RequestStreamHandler work() {
        return (in, out, context) -> {
            JsonNode event = Json.tolerant().readTree(in);
            int n = event.path("item").path("n").asInt();
            int attempt = attempts.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(300);
                if (n == 3 && attempt == 1) {
                    throw new Flaky("item 3 fails on its first attempt");
                }
                if (n == 5) {
                    throw new Broken("item 5 always fails");
                }
                out.write(("{\"n\":" + n + ",\"ok\":true}").getBytes());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        };
    }
}
