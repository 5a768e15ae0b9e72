package dev.cdkbootstrap.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cdkbootstrap.workflow.ReviewChangesStep;
import dev.cdkbootstrap.workflow.model.RunContext;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task ReviewChanges, after the approval gate's preview. Input and output the {@code RunContext}
 * (output: {@code approval.status} PENDING or NOT_NEEDED, {@code preview} false, the reviewed items).
 */
public final class ReviewChangesHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewChangesHandler.class);
    private final ReviewChangesStep step;

    /** Lambda: the step over real clients, built once per container. */
    public ReviewChangesHandler() {
        this(Wiring.fromEnvironment().reviewChangesStep());
    }

    public ReviewChangesHandler(ReviewChangesStep step) {
        this.step = step;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        JsonStreams.handle(input, output, context, RunContext.class, in -> {
            RunContext reviewed = step.run(in);
            LOG.info("run {}: approval {}, {} target(s) need it", in.runId(), reviewed.approval().status(),
                    reviewed.approval().needed());
            return reviewed;
        });
    }
}
