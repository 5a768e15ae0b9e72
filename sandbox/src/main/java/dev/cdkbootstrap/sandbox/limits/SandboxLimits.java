package dev.cdkbootstrap.sandbox.limits;

import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.ResponseFix;
import dev.cdkbootstrap.sandbox.front.Route;
import java.io.PrintStream;
import java.util.List;

/**
 * The AWS limits of one sandbox, wired together (docs/sandbox.md, "AWS limits"): a route that reports
 * the executions the sandbox failed (place it before the other Step Functions routes), response fixes
 * that record started executions and cut long causes, the Lambda endpoint's checks (for LocalLambdas)
 * and the history checks (for the run watcher).
 */
public final class SandboxLimits {
    private final Executions executions;
    private final ExecutionFailures failures;
    private final LimitNotices notices;
    private final LambdaEndpointLimits lambdaEndpoint;
    private final HistoryLimits history;

    public SandboxLimits(MotoForwarder moto, PrintStream log) {
        this(moto, log, AwsLimits.HISTORY_EVENTS);
    }

    /** {@code historyEvents}: the history quota; lower than AWS's only in a test of the mechanism. */
    public SandboxLimits(MotoForwarder moto, PrintStream log, int historyEvents) {
        this.executions = new Executions(moto);
        this.failures = new ExecutionFailures(executions, moto);
        this.notices = new LimitNotices(log);
        this.lambdaEndpoint = new LambdaEndpointLimits(executions, failures, notices);
        this.history = new HistoryLimits(failures, notices, historyEvents);
    }

    /** Answers DescribeExecution / GetExecutionHistory of the executions failed by a limit. */
    public Route failedExecutions() {
        return failures;
    }

    public List<ResponseFix> responseFixes() {
        return List.of(executions, new LongCauses(notices));
    }

    public LambdaLimits lambdaEndpoint() {
        return lambdaEndpoint;
    }

    public HistoryCheck history() {
        return history;
    }
}
