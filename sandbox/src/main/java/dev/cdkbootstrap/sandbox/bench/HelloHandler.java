package dev.cdkbootstrap.sandbox.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The baseline of the cold-start benchmark: a hello-world stream handler with no dependencies. */
public final class HelloHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(("{\"hello\":" + input.readAllBytes().length + "}").getBytes(StandardCharsets.UTF_8));
    }
}
