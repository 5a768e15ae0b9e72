package dev.cdkbootstrap.sandbox.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.Route;
import dev.cdkbootstrap.sandbox.limits.LambdaLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda Invoke ({@code POST /2015-03-31/functions/<name|arn>/invocations}) answered by running the
 * project's handlers in this JVM. Success: 200 with the handler's output. A thrown exception: 200 with
 * {@code X-Amz-Function-Error: Unhandled} and the Java runtime's error document, whose
 * {@code errorType} (the exception's full class name) is what Step Functions' Retry/Catch match.
 * Functions not registered here go on to moto.
 */
public final class LocalLambdas implements Route {
    private static final Pattern INVOKE = Pattern.compile("^/2015-03-31/functions/([^/]+)/invocations$");

    private final Map<String, RequestStreamHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final String account;
    private final PrintStream log;
    private volatile LambdaLimits limits = LambdaLimits.NONE;

    public LocalLambdas(String account, PrintStream log) {
        this.account = account;
        this.log = log;
    }

    public LocalLambdas register(String functionName, RequestStreamHandler handler) {
        handlers.put(functionName, handler);
        return this;
    }

    /** AWS limits applied to every Invoke from the state machine interpreter (docs/sandbox.md). */
    public LocalLambdas limits(LambdaLimits limits) {
        this.limits = limits;
        return this;
    }

    /** How many times {@code functionName} was invoked (for tests and progress). */
    public int invocationCount(String functionName) {
        return invocations.getOrDefault(functionName, new AtomicInteger()).get();
    }

    /** The functions running right now and how many invocations of each (for progress). */
    public Map<String, Integer> running() {
        Map<String, Integer> running = new java.util.TreeMap<>();
        inFlight.forEach((name, count) -> {
            if (count.get() > 0) {
                running.put(name, count.get());
            }
        });
        return running;
    }

    public String arn(String functionName, String region) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + functionName;
    }

    @Override
    public Optional<Reply> handle(Exchange exchange, MotoForwarder moto) {
        Matcher matcher = INVOKE.matcher(exchange.uri().getRawPath());
        if (!"POST".equals(exchange.method()) || !matcher.matches()) {
            return Optional.empty();
        }
        String name = functionName(java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8));
        RequestStreamHandler handler = handlers.get(name);
        if (handler == null) {
            return Optional.empty();
        }
        invocations.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        String region = exchange.signedRegion().orElse("us-east-1");
        return Optional.of(limits.enforce(new LambdaLimits.Invocation(name, region, account, exchange.body()),
                () -> invoke(name, handler, exchange.body(), region)));
    }

    /** Runs one handler as the Java runtime would; public so the sandbox can deliver events itself. */
    public Reply invoke(String name, RequestStreamHandler handler, byte[] payload, String region) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        AtomicInteger running = inFlight.computeIfAbsent(name, n -> new AtomicInteger());
        running.incrementAndGet();
        long start = System.nanoTime();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload.length == 0 ? "{}".getBytes() : payload), output,
                    LocalContext.forInvocation(name, arn(name, region), 900, log));
            Reply reply = Reply.of(200, "application/json", output.toString(java.nio.charset.StandardCharsets.UTF_8));
            reply.headers().put("X-Amz-Executed-Version", List.of("$LATEST"));
            return reply;
        } catch (Throwable error) {
            log.println("[" + name + "] " + error.getClass().getName() + ": " + error.getMessage());
            Reply reply = Reply.of(200, "application/json", errorDocument(error));
            reply.headers().put("X-Amz-Function-Error", List.of("Unhandled"));
            return reply;
        } finally {
            running.decrementAndGet();
            // one line per invocation in sandbox.log: how long each step took (e.g. Summarize at scale)
            log.println("[" + name + "] took " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    public Optional<RequestStreamHandler> handler(String functionName) {
        return Optional.ofNullable(handlers.get(functionName));
    }

    /** A function's name from its name, {@code name:qualifier} or ARN (qualifier dropped). */
    public static String functionName(String nameOrArn) {
        String name = nameOrArn;
        if (name.startsWith("arn:")) {
            String[] parts = name.split(":");
            name = parts.length > 6 ? parts[6] : name;
        } else if (name.contains(":")) {
            name = name.substring(0, name.indexOf(':')); // name:qualifier
        }
        return name;
    }

    private static String errorDocument(Throwable error) {
        ObjectNode doc = Json.tolerant().createObjectNode();
        doc.put("errorMessage", error.getMessage() == null ? error.getClass().getName() : error.getMessage());
        doc.put("errorType", error.getClass().getName());
        ArrayNode trace = doc.putArray("stackTrace");
        for (StackTraceElement element : error.getStackTrace()) {
            trace.add(element.toString());
        }
        return doc.toString();
    }
}
