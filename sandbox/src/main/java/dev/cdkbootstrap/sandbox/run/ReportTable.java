package dev.cdkbootstrap.sandbox.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/**
 * Prints a run's report.json as a table, one line per target (account, region, outcome, reason code,
 * seconds, reason), then the counts (and an old config version); the execution's error and cause when it did not succeed (in full
 * when there is no report).
 */
public final class ReportTable {
    private static final int REASON_WIDTH = 90;

    private ReportTable() {}

    public static void print(RunOutcome outcome, PrintStream out) {
        out.println();
        out.println("Run " + outcome.runId() + ": execution " + outcome.status());
        if (outcome.report().isEmpty()) {
            out.println("  no report.json: the run ended before Summarize");
            if (outcome.error() != null) {
                out.println("  error: " + outcome.error());
            }
            if (outcome.cause() != null) {
                outcome.cause().lines().forEach(line -> out.println("    " + line));
            }
            return;
        }
        JsonNode report = outcome.report().get();
        out.printf("  %-12s  %-15s  %-12s  %-26s  %6s  %s%n", "ACCOUNT", "REGION", "OUTCOME", "CODE", "SECS", "REASON");
        for (JsonNode target : report.path("targets")) {
            String reason = target.path("reason").asText("");
            if (reason.length() > REASON_WIDTH) {
                reason = reason.substring(0, REASON_WIDTH - 3) + "...";
            }
            out.printf("  %-12s  %-15s  %-12s  %-26s  %6s  %s%n", target.path("account").asText(), target.path("region").asText(),
                    target.path("outcome").asText(), reasonCode(target), target.path("durationSeconds").asText(""), reason);
        }
        JsonNode counts = report.path("counts");
        out.printf("  status %s: %d bootstrapped, %d skipped, %d failed, %d planned%n", report.path("status").asText(),
                counts.path("bootstrapped").asInt(), counts.path("skipped").asInt(), counts.path("failed").asInt(),
                counts.path("planned").asInt());
        JsonNode config = report.path("config");
        if (config.path("latestVersionId").isTextual()) {
            out.println("  config version " + config.path("versionId").asText() + " was not the latest ("
                    + config.path("latestVersionId").asText() + "): " + (config.path("superseded").asBoolean()
                    ? "superseded, nothing was run" : "run on purpose (allowOldVersion)"));
        }
        if (report.path("mapFailure").isTextual()) {
            out.println("  the Map state failed: " + report.path("mapFailure").asText());
        }
        JsonNode approval = report.path("approval");
        if (approval.isObject()) {
            out.println("  approval (" + approval.path("mode").asText() + "): " + approval.path("outcome").asText()
                    + (approval.path("answer").isTextual() ? " " + approval.path("answer").asText() : "") + ", "
                    + approval.path("needed").asInt() + " target(s) needed it; changes in "
                    + approval.path("changesKey").asText());
        }
        outcome.warnings().forEach(w -> out.println("  warning: " + w));
        for (JsonNode target : report.path("targets")) { // what to do is at the end of the reason: print it whole
            String reason = target.path("reason").asText("");
            if ("FAILED".equals(target.path("outcome").asText()) && reason.length() > REASON_WIDTH) {
                out.println("  " + target.path("account").asText() + "/" + target.path("region").asText() + ": " + reason);
            }
        }
        if (!"SUCCEEDED".equals(outcome.status()) && outcome.error() != null
                && !outcome.error().endsWith(".TargetsFailed") && !outcome.error().equals("TargetsFailed")) {
            // e.g. a limit the sandbox enforces failed the run after the report was written (the failed
            // targets themselves are in the table above)
            String cause = outcome.cause() == null ? "" : outcome.cause();
            out.println("  execution " + outcome.status() + ": " + outcome.error() + ": "
                    + (cause.length() > 2 * REASON_WIDTH ? cause.substring(0, 2 * REASON_WIDTH - 3) + "..." : cause));
        }
    }

    /** The target's {@code reasonCode} (report.json), "-" when the report has none. */
    static String reasonCode(JsonNode target) {
        JsonNode code = target.path("reasonCode");
        return code.isTextual() && !code.asText().isEmpty() ? code.asText() : "-";
    }
}
