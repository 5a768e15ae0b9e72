package dev.cdkbootstrap.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.SafeText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** The one way our stream handlers read their payload, run a step with Lambda context in the logs, and answer. */
final class JsonStreams {
    private static final Logger LOG = LoggerFactory.getLogger(JsonStreams.class);

    private JsonStreams() {}

    /** Our own payloads: strict (an unknown field is an error that names it). */
    static <I, O> void handle(InputStream in, OutputStream out, Context context, Class<I> type, Function<I, O> step) {
        handle(in, out, context, Json.strict(), type, step);
    }

    static <I, O> void handle(InputStream in, OutputStream out, Context context, ObjectMapper reader,
            Class<I> type, Function<I, O> step) {
        PowertoolsLogging.withLogging(context, () -> {
            I input = read(in, reader, type);
            O output;
            try {
                output = step.apply(input);
            } catch (RuntimeException e) {
                // The runtime reports the error to Step Functions; this line makes it searchable in the logs.
                LOG.warn("{}: {}", e.getClass().getSimpleName(), e.getMessage());
                throw e;
            }
            write(out, output);
            return null;
        });
    }

    private static <I> I read(InputStream in, ObjectMapper reader, Class<I> type) {
        try {
            return reader.readValue(in, type);
        } catch (JsonMappingException e) {
            // one line: the message names the input's own field names and values, which reach the run-failed notification
            throw new IllegalArgumentException(SafeText.plain("invalid " + type.getSimpleName() + " input at "
                    + e.getPathReference() + ": " + e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(SafeText.plain("invalid " + type.getSimpleName() + " input (not JSON): "
                    + e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(OutputStream out, Object output) {
        try {
            Json.strict().writeValue(out, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
