package dev.cdkbootstrap.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cdkbootstrap.workflow.RecordResultStep;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task RecordResult, the end of each target (also after a Catch). Input {@code TargetState}; output the
 * {@code TargetResult} written to S3.
 */
public final class RecordResultHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RecordResultHandler.class);
    private final RecordResultStep step;

    /** Lambda: the step over real clients, built once per container. */
    public RecordResultHandler() {
        this(Wiring.fromEnvironment().recordResultStep());
    }

    public RecordResultHandler(RecordResultStep step) {
        this.step = step;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        JsonStreams.handle(input, output, context, TargetState.class, in -> {
            var result = step.run(in);
            LOG.info("target {}/{}: {} ({})", result.account(), result.region(), result.outcome(), result.reason());
            return result;
        });
    }
}
