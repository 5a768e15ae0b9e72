package dev.cdkbootstrap.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.NewAccountStep;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge target for Organizations {@code CreateAccountResult} and Control Tower
 * {@code CreateManagedAccount}/{@code UpdateManagedAccount} events. Input the event; output
 * {@code {action, account, executionArn, reason}}.
 */
public final class NewAccountHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(NewAccountHandler.class);
    private final NewAccountStep step;

    /** Lambda: the step over real clients, built once per container. */
    public NewAccountHandler() {
        this(Wiring.fromEnvironment().newAccountStep());
    }

    public NewAccountHandler(NewAccountStep step) {
        this.step = step;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        // The event is AWS's document: read tolerantly.
        JsonStreams.handle(input, output, context, Json.tolerant(), JsonNode.class, event -> {
            var result = step.run(event);
            LOG.info("account {}: {} ({})", result.account(), result.action(), result.reason());
            return result;
        });
    }
}
