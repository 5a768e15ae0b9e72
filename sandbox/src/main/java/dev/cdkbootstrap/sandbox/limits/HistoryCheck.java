package dev.cdkbootstrap.sandbox.limits;

import java.util.List;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Limits checked on an execution's history as a run watcher reads it (hook of RunWatcher). */
public interface HistoryCheck {
    /** No limits, nothing to print. */
    HistoryCheck NONE = new HistoryCheck() {
        @Override
        public boolean check(String executionArn, List<HistoryEvent> events) {
            return false;
        }

        @Override
        public List<String> notices() {
            return List.of();
        }
    };

    /**
     * @param events the whole history, oldest first (moto answers every event whatever maxResults says)
     * @return true when this call failed the execution (describe it again to see FAILED)
     */
    boolean check(String executionArn, List<HistoryEvent> events);

    /** Lines to print on the sandbox's output: every limit that tripped since the last call. */
    List<String> notices();
}
