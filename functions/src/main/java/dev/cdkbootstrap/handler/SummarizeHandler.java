package dev.cdkbootstrap.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cdkbootstrap.workflow.SummarizeStep;
import dev.cdkbootstrap.workflow.model.RunContext;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task Summarize, after the Map. Input the {@code RunContext}; output {@code {status, counts, reportKey}}.
 * Fails with {@code TargetsFailed} when any target failed.
 */
public final class SummarizeHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SummarizeHandler.class);
    private final SummarizeStep step;

    /** Lambda: the step over real clients, built once per container. */
    public SummarizeHandler() {
        this(Wiring.fromEnvironment().summarizeStep());
    }

    public SummarizeHandler(SummarizeStep step) {
        this.step = step;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        JsonStreams.handle(input, output, context, RunContext.class, in -> {
            var result = step.run(in);
            LOG.info("run {}: {} {}", in.runId(), result.status(), result.counts());
            return result;
        });
    }
}
