package dev.cdkbootstrap.sandbox.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cdkbootstrap.handler.Wiring;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Stand-in for the Lambda Java runtime in a fresh JVM whose class path is the Lambda package plus
 * this class: loads the handler by name and constructs it (init), optionally runs the SnapStart
 * checkpoint hook, then invokes it once with the input file's bytes. Writes the handler's output and
 * a one-line result {@code name=value;...} (milliseconds) to the given files.
 * Usage: {@code LambdaLauncher HANDLER_CLASS INPUT OUTPUT RESULT prime|no-prime}.
 */
public final class LambdaLauncher {
    private LambdaLauncher() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
        long initialised = System.nanoTime();
        if ("prime".equals(args[4])) {
            // The hook Lambda runs before the snapshot (registered by Wiring.fromEnvironment() at init).
            Wiring.fromEnvironment().priming().beforeCheckpoint(null);
        }
        long primed = System.nanoTime();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String error = "";
        try (InputStream input = Files.newInputStream(Path.of(args[1]))) {
            handler.handleRequest(input, output, new LaunchContext(args[0]));
        } catch (Throwable t) {
            error = t.getClass().getName() + ": " + t.getMessage();
        }
        long invoked = System.nanoTime();
        Files.write(Path.of(args[2]), output.toByteArray());
        Files.writeString(Path.of(args[3]), "initMs=" + ms(initialised - start) + ";primeMs=" + ms(primed - initialised)
                + ";invokeMs=" + ms(invoked - primed) + ";error=" + error.replace('\n', ' '), StandardCharsets.UTF_8);
        System.exit(0);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private record LaunchContext(String handler) implements Context {
        @Override public String getAwsRequestId() { return "00000000-0000-4000-8000-000000000001"; }
        @Override public String getLogGroupName() { return "/aws/lambda/launcher"; }
        @Override public String getLogStreamName() { return "launcher"; }
        @Override public String getFunctionName() { return handler.substring(handler.lastIndexOf('.') + 1); }
        @Override public String getFunctionVersion() { return "1"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:" + getFunctionName(); }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 60_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.err.println(message); }
                @Override public void log(byte[] message) { System.err.println(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }
}
