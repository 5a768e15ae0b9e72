package dev.cdkbootstrap.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cdkbootstrap.workflow.PrepareTargetStep;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task PrepareTarget (inside the Map). Input/output {@code TargetState}; adds startedAt, decision, reasonCode,
 * reason, untrust, observed (and waiting while the toolkit is busy).
 */
public final class PrepareTargetHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PrepareTargetHandler.class);
    private final PrepareTargetStep step;

    /** Lambda: the step over real clients, built once per container. */
    public PrepareTargetHandler() {
        this(Wiring.fromEnvironment().prepareTargetStep());
    }

    public PrepareTargetHandler(PrepareTargetStep step) {
        this.step = step;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        JsonStreams.handle(input, output, context, TargetState.class, in -> {
            var result = step.run(in);
            LOG.info("target {}: {} {} ({})", in.item().target().id(), result.decision(), result.reasonCode(),
                    result.reason());
            return result;
        });
    }
}
