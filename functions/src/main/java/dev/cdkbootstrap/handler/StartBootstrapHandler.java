package dev.cdkbootstrap.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cdkbootstrap.workflow.StartBootstrapStep;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task StartBootstrap. Input/output {@code TargetState}; adds the started build and its deadline.
 */
public final class StartBootstrapHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StartBootstrapHandler.class);
    private final StartBootstrapStep step;

    /** Lambda: the step over real clients, built once per container. */
    public StartBootstrapHandler() {
        this(Wiring.fromEnvironment().startBootstrapStep());
    }

    public StartBootstrapHandler(StartBootstrapStep step) {
        this.step = step;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        JsonStreams.handle(input, output, context, TargetState.class, in -> {
            var result = step.run(in);
            LOG.info("target {}: started build {}", in.item().target().id(), result.build().id());
            return result;
        });
    }
}
