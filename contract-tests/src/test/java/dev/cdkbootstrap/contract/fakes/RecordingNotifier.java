package dev.cdkbootstrap.contract.fakes;

import dev.cdkbootstrap.workflow.port.Notifier;
import dev.cdkbootstrap.workflow.port.RunMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records what Summarize tells people (SNS) and the metrics it publishes. */
public final class RecordingNotifier implements Notifier, RunMetrics {
    private final List<String> subjects = new ArrayList<>();
    private final List<Map<String, Integer>> metrics = new ArrayList<>();

    @Override
    public void publish(String subject, String message) {
        subjects.add(subject);
    }

    @Override
    public void publish(String runId, Map<String, Integer> counts) {
        metrics.add(Map.copyOf(counts));
    }

    public List<String> subjects() {
        return subjects;
    }

    public List<Map<String, Integer>> metrics() {
        return metrics;
    }
}
