package dev.cdkbootstrap.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cdkbootstrap.workflow.RequestApprovalStep;
import dev.cdkbootstrap.workflow.model.ApprovalInput;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task AwaitApproval ({@code lambda:invoke.waitForTaskToken}). Input {@code {run, taskToken}}; output
 * the request written to {@code approval/request.json} (ignored by the state machine, which waits
 * for SendTaskSuccess/SendTaskFailure).
 */
public final class RequestApprovalHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RequestApprovalHandler.class);
    private final RequestApprovalStep step;

    /** Lambda: the step over real clients, built once per container. */
    public RequestApprovalHandler() {
        this(Wiring.fromEnvironment().requestApprovalStep());
    }

    public RequestApprovalHandler(RequestApprovalStep step) {
        this.step = step;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        JsonStreams.handle(input, output, context, ApprovalInput.class, in -> {
            var request = step.run(in);
            LOG.info("run {}: waiting for approval until {}", request.runId(), request.expiresAt());
            return request;
        });
    }
}
