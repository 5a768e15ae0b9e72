package dev.cdkbootstrap.sandbox.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one workflow execution ended: its status, the report Summarize wrote (absent when the run
 * stopped before Summarize, e.g. an invalid config) and its report.md (the same renderer as in AWS), the
 * execution's error and cause, the warnings of the run's plan.json (e.g. the AdministratorAccess fallback)
 * and how long the execution took (start to stop as Step Functions says; null when it did not say).
 */
public record RunOutcome(String executionArn, String runId, String status, Optional<JsonNode> report,
                         Optional<String> reportMarkdown, String error, String cause, List<String> warnings,
                         Duration elapsed) {

    /** An outcome without report.md or duration (tests, a run moto lost). */
    public RunOutcome(String executionArn, String runId, String status, Optional<JsonNode> report, String error,
                      String cause, List<String> warnings) {
        this(executionArn, runId, status, report, Optional.empty(), error, cause, warnings, null);
    }

    /** No target failed and the execution succeeded. */
    public boolean succeeded() {
        return "SUCCEEDED".equals(status) && report.map(r -> r.path("counts").path("failed").asInt() == 0).orElse(false);
    }
}
