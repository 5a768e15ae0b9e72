package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.workflow.port.RunMetrics;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * {@link RunMetrics} as CloudWatch embedded-metric-format lines (Powertools functional API): no
 * API call, CloudWatch extracts them from the function's log. The run id is metadata, not a
 * dimension (one dimension value per run would make a metric per run).
 */
public final class PowertoolsRunMetrics implements RunMetrics {
    private final String namespace;

    public PowertoolsRunMetrics(String namespace) {
        this.namespace = namespace;
    }

    @Override
    public void publish(String runId, Map<String, Integer> counts) {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.setNamespace(namespace);
        metrics.addMetadata("runId", runId);
        counts.forEach((name, value) -> metrics.addMetric(name, value, MetricUnit.COUNT));
        metrics.flush();
    }
}
