package dev.cdkbootstrap.sandbox.limits;

import static dev.cdkbootstrap.sandbox.limits.AwsLimits.bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The limits checked on an execution's history (the parent's: moto keeps no history of Distributed
 * Map children): the number of events ({@link AwsLimits#HISTORY_EVENTS}), the size of every input,
 * output and task parameters an event carries ({@link AwsLimits#STATE_PAYLOAD_BYTES}), and the length
 * of every cause ({@link AwsLimits#CAUSE_CHARS}, reported). Only events not seen before are measured;
 * the count costs nothing more than the read the run watcher does anyway. A violation found here is
 * found after the fact: the sandbox stops the execution if it still runs and reports it FAILED either way.
 */
public final class HistoryLimits implements HistoryCheck {
    private static final Set<String> TERMINAL = Set.of("ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted",
            "ExecutionTimedOut");

    private final ExecutionFailures failures;
    private final LimitNotices notices;
    private final int eventLimit;
    private final Map<String, Long> measuredUpTo = new ConcurrentHashMap<>();

    public HistoryLimits(ExecutionFailures failures, LimitNotices notices) {
        this(failures, notices, AwsLimits.HISTORY_EVENTS);
    }

    /** {@code eventLimit}: the history quota; lower than AWS's only to prove the mechanism in a test. */
    public HistoryLimits(ExecutionFailures failures, LimitNotices notices, int eventLimit) {
        this.failures = failures;
        this.notices = notices;
        this.eventLimit = eventLimit;
    }

    @Override
    public List<String> notices() {
        return notices.drain();
    }

    @Override
    public boolean check(String executionArn, List<HistoryEvent> events) {
        if (failures.failed(executionArn)) {
            return false;
        }
        if (overEventLimit(events, eventLimit)) {
            return fail(executionArn, AwsLimits.RUNTIME, AwsLimits.historyCause(eventLimit), eventLimit - 1,
                    "the history has " + bytes(events.size()) + " events; AWS fails an execution with its event "
                            + bytes(eventLimit) + " (" + AwsLimits.RUNTIME + ")");
        }
        long from = measuredUpTo.getOrDefault(executionArn, 0L);
        String state = "(execution)";
        for (HistoryEvent event : events) {
            if (event.stateEnteredEventDetails() != null) {
                state = event.stateEnteredEventDetails().name();
            }
            if (event.id() <= from) {
                continue;
            }
            for (String[] payload : payloads(event)) {
                long size = AwsLimits.parse(payload[1].getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .map(AwsLimits::jsonBytes).orElse(AwsLimits.utf8Bytes(payload[1]));
                if (AwsLimits.overPayload(size)) {
                    String cause = "The state/task '" + state + "' has a " + payload[0] + " with a size exceeding the "
                            + "maximum number of bytes service limit. [sandbox: event " + event.id() + " " + event.typeAsString()
                            + " carries " + bytes(size) + " bytes, over " + bytes(AwsLimits.STATE_PAYLOAD_BYTES) + "]";
                    return fail(executionArn, AwsLimits.DATA_LIMIT_EXCEEDED, cause, -1, cause);
                }
            }
            reportCauses(executionArn, state, event);
        }
        measuredUpTo.put(executionArn, events.isEmpty() ? from : events.get(events.size() - 1).id());
        return false;
    }

    /**
     * AWS writes at most {@code limit - 1} events of the machine's own; the one after them is the
     * execution's failure. Over the limit: the machine wrote an event at position {@code limit} that
     * is not the execution's end.
     */
    static boolean overEventLimit(List<HistoryEvent> events, int limit) {
        return events.size() >= limit && !TERMINAL.contains(events.get(limit - 1).typeAsString());
    }

    private boolean fail(String executionArn, String error, String cause, int historyCut, String why) {
        boolean stopped = failures.fail(executionArn, error, cause, historyCut);
        notices.add(error + ": " + why + " - found in the history of " + executionArn.substring(executionArn.lastIndexOf(':') + 1)
                + (stopped ? ": the sandbox stopped it" : ": moto could not stop it (it had ended, or moto no longer knows it)")
                + "; reported FAILED, as AWS would");
        return true;
    }

    /** A cause over the quota (reported; the sandbox cuts it where it reports the execution) or moto's own size check. */
    private void reportCauses(String executionArn, String state, HistoryEvent event) {
        String[] failure = failure(event);
        if (failure == null) {
            return;
        }
        if (failure[1] != null && failure[1].length() > AwsLimits.CAUSE_CHARS) {
            notices.add("event " + event.id() + " " + event.typeAsString() + " of state '" + state + "' has a cause of "
                    + bytes(failure[1].length()) + " characters; AWS keeps " + bytes(AwsLimits.CAUSE_CHARS));
        }
        if (AwsLimits.DATA_LIMIT_EXCEEDED.equals(failure[0]) && (failure[1] == null || !failure[1].contains("[sandbox:"))) {
            notices.add("moto's own size check failed state '" + state + "' (" + event.typeAsString() + " in "
                    + executionArn.substring(executionArn.lastIndexOf(':') + 1) + "). moto measures JSON with spaces and "
                    + "\\u-escaped non-ASCII, so it may refuse a payload AWS accepts");
        }
    }

    /** Every input, output and task parameters an event carries, as {description, JSON text}. */
    private static List<String[]> payloads(HistoryEvent e) {
        List<String[]> found = new ArrayList<>();
        add(found, "execution input", e.executionStartedEventDetails() == null ? null : e.executionStartedEventDetails().input());
        add(found, "execution output", e.executionSucceededEventDetails() == null ? null : e.executionSucceededEventDetails().output());
        add(found, "input", e.stateEnteredEventDetails() == null ? null : e.stateEnteredEventDetails().input());
        add(found, "output", e.stateExitedEventDetails() == null ? null : e.stateExitedEventDetails().output());
        add(found, "task input (parameters)", e.taskScheduledEventDetails() == null ? null : e.taskScheduledEventDetails().parameters());
        add(found, "task result", e.taskSucceededEventDetails() == null ? null : e.taskSucceededEventDetails().output());
        add(found, "task result", e.taskSubmittedEventDetails() == null ? null : e.taskSubmittedEventDetails().output());
        add(found, "task input", e.lambdaFunctionScheduledEventDetails() == null ? null : e.lambdaFunctionScheduledEventDetails().input());
        add(found, "task result", e.lambdaFunctionSucceededEventDetails() == null ? null : e.lambdaFunctionSucceededEventDetails().output());
        add(found, "task input", e.activityScheduledEventDetails() == null ? null : e.activityScheduledEventDetails().input());
        add(found, "task result", e.activitySucceededEventDetails() == null ? null : e.activitySucceededEventDetails().output());
        return found;
    }

    private static void add(List<String[]> found, String what, String text) {
        if (text != null) {
            found.add(new String[] {what, text});
        }
    }

    /** {error, cause} of a failure event, or null. */
    private static String[] failure(HistoryEvent e) {
        if (e.taskFailedEventDetails() != null) {
            return new String[] {e.taskFailedEventDetails().error(), e.taskFailedEventDetails().cause()};
        }
        if (e.lambdaFunctionFailedEventDetails() != null) {
            return new String[] {e.lambdaFunctionFailedEventDetails().error(), e.lambdaFunctionFailedEventDetails().cause()};
        }
        if (e.executionFailedEventDetails() != null) {
            return new String[] {e.executionFailedEventDetails().error(), e.executionFailedEventDetails().cause()};
        }
        return null;
    }
}
