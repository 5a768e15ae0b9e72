package dev.cdkbootstrap.handler;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Invokes a stream handler the way the Lambda runtime does: the raw event bytes in, the response bytes out. */
final class HandlerInvocation {

    private HandlerInvocation() {}

    /** The artifact bucket, run and target of the project's events/ files (the sample run). */
    static final String BUCKET = "cdk-bootstrap-configbucket-1x2y3z4w5v6u";
    static final String RUN_FOLDER = "runs/run-20261125-0001/";
    static final String ACCOUNT = "222222222222";

    /** The raw bytes of the project's events/{@code name} (on the test classpath as /events/). */
    static byte[] event(String name) {
        try (InputStream in = HandlerInvocation.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test event " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode invoke(RequestStreamHandler handler, byte[] event, String function) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext(function));
            return Json.tolerant().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
