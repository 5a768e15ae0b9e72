package dev.cdkbootstrap.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.workflow.LoadConfigStep;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task LoadConfig. Input {@code {"execution": ExecutionInput, "runId"}}; output the {@code RunContext}.
 * Fails with {@code ConfigInvalid} listing every error of an invalid cdk-app.yml, and with {@code InputRejected}
 * for an execution input the rules refuse (an unknown field or a wrong type too).
 */
public final class LoadConfigHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LoadConfigHandler.class);
    private final LoadConfigStep step;

    /** Lambda: the step over real clients, built once per container. */
    public LoadConfigHandler() {
        this(Wiring.fromEnvironment().loadConfigStep());
    }

    public LoadConfigHandler(LoadConfigStep step) {
        this.step = step;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        // read as a tree: the execution input is the starter's, refused by name (InputRejected), not by Jackson
        JsonStreams.handle(input, output, context, JsonNode.class, payload -> {
            var result = step.run(LoadConfigStep.input(payload));
            LOG.info("planned run {}: {} target(s), {} warning(s)", result.runId(), result.counts().planned(), result.warnings().size());
            return result;
        });
    }
}
