package dev.cdkbootstrap.workflow.port;

import java.util.Map;

/** Counts of a run's outcomes, published as metrics. */
public interface RunMetrics {

    /** Publishes each count (metric name → value) once, together. */
    void publish(String runId, Map<String, Integer> counts);
}
