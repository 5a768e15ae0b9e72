package dev.cdkbootstrap.sandbox.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A fresh moto server process on a free loopback port (moto in server mode: the {@code moto_server} of
 * the pinned {@code moto[server]}, found by {@link PythonTools#motoServer()}).
 * {@code MOTO_PORT} tells moto's Step Functions interpreter where to send the Lambda and S3 calls of
 * a running state machine: the server's own port, or the port of a front endpoint that runs the
 * project's handlers and forwards everything else here.
 */
public final class MotoServer implements AutoCloseable {
    private static final String HOST = "127.0.0.1";

    static {
        dev.cdkbootstrap.sandbox.front.MotoForwarder.allowHostHeader();
    }

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts moto with the interpreter calling back into moto itself. */
    public static MotoServer start(Path logFile) {
        int port = freePort();
        return start(port, port, logFile);
    }

    /** Starts moto with the interpreter calling back to {@code callbackPort} (a front endpoint). */
    public static MotoServer startWithCallbackPort(int callbackPort, Path logFile) {
        return start(freePort(), callbackPort, logFile);
    }

    private static MotoServer start(int port, int callbackPort, Path logFile) {
        String executable = PythonTools.motoServer();
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(executable, "-H", HOST, "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().put("MOTO_PORT", Integer.toString(callbackPort));
            MotoServer server = new MotoServer(builder.start(), port);
            server.awaitReady(Duration.ofSeconds(60), logFile);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + executable + " (the moto[server] pinned in "
                    + PythonTools.PIN_FILE + "; bin/python-tools sets it up)", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port);
    }

    public int port() {
        return port;
    }

    /** Runs state machines for real (the ASL interpreter) and Lambda without Docker. */
    public void enableStateMachineExecution() {
        post("/moto-api/config",
                "{\"stepfunctions\":{\"execute_state_machine\":true},\"lambda\":{\"use_docker\":false}}");
    }

    /** Forgets every resource in every account and region. */
    public void reset() {
        post("/moto-api/reset", "");
    }

    private void post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("moto " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void awaitReady(Duration timeout, Path logFile) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(endpoint().resolve("/moto-api/data.json"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
            sleep(Duration.ofMillis(200));
        }
        close();
        throw new IllegalStateException("moto_server did not answer within " + timeout + "; see " + logFile);
    }

    /** A loopback port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
