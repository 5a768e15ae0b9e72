package dev.cdkbootstrap.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cdkbootstrap.workflow.VerifyTargetStep;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task VerifyTarget, after every build that ended. Input/output {@code TargetState}; sets observed and
 * verification (or waiting, while the toolkit is busy).
 */
public final class VerifyTargetHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(VerifyTargetHandler.class);
    private final VerifyTargetStep step;

    /** Lambda: the step over real clients, built once per container. */
    public VerifyTargetHandler() {
        this(Wiring.fromEnvironment().verifyTargetStep());
    }

    public VerifyTargetHandler(VerifyTargetStep step) {
        this.step = step;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        JsonStreams.handle(input, output, context, TargetState.class, in -> {
            var result = step.run(in);
            LOG.info("target {}: observed {}, verification {}", in.item().target().id(), result.observed(),
                    result.verification());
            return result;
        });
    }
}
