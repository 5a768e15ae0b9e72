package dev.cdkbootstrap.sandbox.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * How one workflow execution ended: its status, the report Summarize wrote (absent when the run
 * stopped before Summarize, e.g. an invalid config), the execution's error and cause, and the warnings
 * of the run's plan.json (e.g. the AdministratorAccess fallback).
 */
public record RunOutcome(String executionArn, String runId, String status, Optional<JsonNode> report,
                         String error, String cause, List<String> warnings) {

    /** No target failed and the execution succeeded. */
    public boolean succeeded() {
        return "SUCCEEDED".equals(status) && report.map(r -> r.path("counts").path("failed").asInt() == 0).orElse(false);
    }
}
