package dev.cdkbootstrap.sandbox.front;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one endpoint every AWS client of the sandbox talks to (handlers, CDK CLI, moto's ASL
 * interpreter via {@code MOTO_PORT}): local routes first (Lambda Invoke, CodeBuild, AssumeRole
 * checks), everything else forwarded to moto, with moto's known quirks fixed in the answer.
 * Listens on 127.0.0.1 only.
 */
public final class FrontEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final MotoForwarder moto;
    private final List<Route> routes;
    private final List<ResponseFix> fixes;
    private final PrintStream log;
    private final CallerAccounts callers;

    private FrontEndpoint(HttpServer server, MotoForwarder moto, List<Route> routes, List<ResponseFix> fixes,
                          PrintStream log, CallerAccounts callers) {
        this.callers = callers;
        this.server = server;
        this.moto = moto;
        this.routes = List.copyOf(routes);
        this.fixes = List.copyOf(fixes);
        this.log = log;
    }

    /**
     * Binds {@code port} on 127.0.0.1 (0 = any free port) and starts serving; requests are filed under
     * the account their credentials say, moto's default 123456789012 for keys no AssumeRole issued.
     */
    public static FrontEndpoint start(int port, MotoForwarder moto, List<Route> routes, List<ResponseFix> fixes,
                                      PrintStream log) throws IOException {
        return start(port, moto, routes, fixes, log, null);
    }

    /**
     * As above, each request first attributed to its account by {@code callers} (which also sees every
     * answer first, to learn the keys AssumeRole issues); null: no attribution.
     */
    public static FrontEndpoint start(int port, MotoForwarder moto, List<Route> routes, List<ResponseFix> fixes,
                                      PrintStream log, CallerAccounts callers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        FrontEndpoint front = new FrontEndpoint(server, moto, routes, fixes, log, callers);
        server.setExecutor(front.executor);
        server.createContext("/", front::serve);
        server.start();
        return front;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public MotoForwarder moto() {
        return moto;
    }

    private void serve(HttpExchange http) throws IOException {
        try (http) {
            Exchange exchange;
            try (InputStream in = http.getRequestBody()) {
                exchange = new Exchange(http.getRequestMethod(), http.getRequestURI(), http.getRequestHeaders(),
                        in.readAllBytes());
            }
            if (callers != null) {
                exchange = callers.attribute(exchange);
            }
            Reply reply;
            try {
                reply = answer(exchange);
            } catch (Exception e) {
                log.println("sandbox front: " + exchange.method() + " " + exchange.uri() + " failed: " + e);
                reply = Reply.of(500, "text/plain", "sandbox front endpoint error: " + e);
            }
            send(http, exchange, reply);
        }
    }

    private Reply answer(Exchange exchange) throws Exception {
        for (Route route : routes) {
            Optional<Reply> local = route.handle(exchange, moto);
            if (local.isPresent()) {
                return local.get();
            }
        }
        Reply reply = moto.forward(exchange);
        if (callers != null) {
            reply = callers.apply(exchange, reply);
        }
        for (ResponseFix fix : fixes) {
            reply = fix.apply(exchange, reply);
        }
        return reply;
    }

    private static void send(HttpExchange http, Exchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((name, values) -> http.getResponseHeaders().put(name, values));
        boolean head = "HEAD".equals(exchange.method());
        if (head || reply.body().length == 0) {
            // -1: no body. For HEAD the Content-Length moto sent describes the object and stays.
            http.sendResponseHeaders(reply.status(), -1);
            return;
        }
        http.sendResponseHeaders(reply.status(), reply.body().length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(reply.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
