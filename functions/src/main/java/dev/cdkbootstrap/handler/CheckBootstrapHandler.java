package dev.cdkbootstrap.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cdkbootstrap.workflow.CheckBootstrapStep;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task CheckBootstrap (after each wait). Input/output {@code TargetState}; updates build status, failed phase,
 * end, deadline, and waiting while the build is queued or running.
 */
public final class CheckBootstrapHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CheckBootstrapHandler.class);
    private final CheckBootstrapStep step;

    /** Lambda: the step over real clients, built once per container. */
    public CheckBootstrapHandler() {
        this(Wiring.fromEnvironment().checkBootstrapStep());
    }

    public CheckBootstrapHandler(CheckBootstrapStep step) {
        this.step = step;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        JsonStreams.handle(input, output, context, TargetState.class, in -> {
            var result = step.run(in);
            LOG.info("target {}: build {} is {}", in.item().target().id(), result.build().id(), result.build().status());
            return result;
        });
    }
}
