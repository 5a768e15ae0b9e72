package dev.cdkbootstrap.sandbox.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.workflow.TargetCounts;
import dev.cdkbootstrap.workflow.WarningGroups;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a run's report.json on a console (the sandbox's, {@code bootstrapctl run --wait | status}): a table,
 * one line per target (account, region, outcome, reason code, seconds ("-" when no build ran for a failed one),
 * reason cut at {@value #REASON_WIDTH} characters; above {@value #FULL_TABLE} targets only the failed ones, the rest
 * counted, and no header when none is listed), the config version,
 * the Map's failure and the approval; the plan's warnings grouped by kind, one line each with its count
 * ({@link WarningGroups}); each failed target with its whole reason and where its build log is (failures of the
 * same kind grouped like warnings, saying whether each, none or how many of them have a build log); the execution's error when it did not succeed; and last the run's status
 * line with its targets as one total ({@link TargetCounts}) and how long it took. Without a report, the cause's
 * lines (ConfigInvalid's errors) each whole, never grouped. report.md has everything.
 */
public final class ReportTable {
    static final int REASON_WIDTH = 90;
    /** Above this many targets the table lists the failed ones only: report.md lists every one. */
    static final int FULL_TABLE = 25;

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
                // e.g. ConfigInvalid's errors: each one whole, its position kept (the user fixes each), never grouped
                // like warnings; only a line repeated exactly is counted. The function already caps them (LoadConfigStep).
                Map<String, Integer> lines = new LinkedHashMap<>();
                outcome.cause().lines().forEach(l -> lines.merge(l, 1, Integer::sum));
                lines.forEach((l, n) -> out.println("    " + (n == 1 ? "" : "(x" + n + ") ") + l));
            }
            out.println(statusLine(outcome));
            return;
        }
        JsonNode report = outcome.report().get();
        table(report, out);
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
        WarningGroups.of(outcome.warnings()).forEach(g -> out.println("  " + g.line("warning", "each in report.md")));
        failures(report, out);
        if (!"SUCCEEDED".equals(outcome.status()) && outcome.error() != null
                && !outcome.error().endsWith(".TargetsFailed") && !outcome.error().equals("TargetsFailed")) {
            // e.g. a limit the sandbox enforces failed the run after the report was written (the failed
            // targets themselves are in the table above)
            String cause = outcome.cause() == null ? "" : outcome.cause();
            out.println("  execution " + outcome.status() + ": " + outcome.error() + ": "
                    + (cause.length() > 2 * REASON_WIDTH ? cause.substring(0, 2 * REASON_WIDTH - 3) + "..." : cause));
        }
        out.println(statusLine(outcome));
    }

    /**
     * The run's last line: {@code "Run ID SUCCEEDED in 22 s: 4 targets: 4 bootstrapped"}; without a report
     * {@code "Run ID FAILED in 3 s: no report (the run ended before Summarize)"}.
     */
    public static String statusLine(RunOutcome outcome) {
        String took = outcome.elapsed() == null ? "" : " in " + Durations.words(outcome.elapsed());
        return "Run " + outcome.runId() + " " + outcome.status() + took + ": "
                + outcome.report().map(ReportTable::counts).orElse("no report (the run ended before Summarize)");
    }

    /** The report's targets as one total, e.g. "60 targets: 52 bootstrapped, 6 up to date, 2 failed". */
    public static String counts(JsonNode report) {
        List<TargetCounts.Kind> kinds = new ArrayList<>();
        report.path("targets").forEach(t -> kinds.add(kind(t)));
        return TargetCounts.describe(kinds);
    }

    private static TargetCounts.Kind kind(JsonNode target) {
        return TargetCounts.Kind.of(target.path("outcome").asText(), target.path("reasonCode").asText(""));
    }

    private static void table(JsonNode report, PrintStream out) {
        boolean header = false; // printed before the first row listed: none when every target is counted only
        List<TargetCounts.Kind> hidden = new ArrayList<>();
        int shown = 0;
        int total = report.path("targets").size();
        for (JsonNode target : report.path("targets")) {
            TargetCounts.Kind kind = kind(target);
            boolean failed = kind == TargetCounts.Kind.FAILED || kind == TargetCounts.Kind.WOULD_FAIL;
            if (total > FULL_TABLE && (!failed || shown == FULL_TABLE)) {
                hidden.add(kind);
                continue;
            }
            shown++;
            if (!header) {
                out.printf("  %-12s  %-15s  %-12s  %-26s  %6s  %s%n", "ACCOUNT", "REGION", "OUTCOME", "CODE", "SECS", "REASON");
                header = true;
            }
            String reason = target.path("reason").asText("");
            if (reason.length() > REASON_WIDTH) {
                reason = reason.substring(0, REASON_WIDTH - 3) + "...";
            }
            out.printf("  %-12s  %-15s  %-12s  %-26s  %6s  %s%n", target.path("account").asText(), target.path("region").asText(),
                    target.path("outcome").asText(), reasonCode(target), seconds(target), reason);
        }
        if (!hidden.isEmpty()) {
            out.println("  (not listed: " + TargetCounts.describe(hidden) + "; report.md lists every target)");
        }
    }

    /** Each failed target with its whole reason (its advice is at the end) and its build log; alike ones grouped. */
    private static void failures(JsonNode report, PrintStream out) {
        Map<String, JsonNode> failed = new LinkedHashMap<>(); // "<account>/<region>: <reason>" (one per target)
        for (JsonNode target : report.path("targets")) {
            if ("FAILED".equals(target.path("outcome").asText())) {
                failed.put(target.path("account").asText() + "/" + target.path("region").asText() + ": "
                        + target.path("reason").asText(""), target);
            }
        }
        for (WarningGroups.Group group : WarningGroups.of(List.copyOf(failed.keySet()))) {
            if (group.count() == 1) {
                out.println("  failed: " + group.message() + " — " + LogLocation.of(failed.get(group.messages().get(0))));
            } else {
                long logged = group.messages().stream().map(failed::get).filter(LogLocation::hasLog).count();
                out.println("  " + group.line("failed", logged == group.count() ? "each with its build log in report.md"
                        : logged == 0 ? "no build ran for any, each in report.md"
                        : "each in report.md, " + logged + " with a build log (no build ran for the others)"));
            }
        }
    }

    /** The SECS cell: the target's {@code durationSeconds}, "-" without one or when it failed with no build run. */
    static String seconds(JsonNode target) {
        boolean noBuild = "FAILED".equals(target.path("outcome").asText()) && !LogLocation.hasLog(target);
        return noBuild || !target.path("durationSeconds").isNumber() ? "-" : target.path("durationSeconds").asText();
    }

    /** The target's {@code reasonCode} (report.json), "-" when the report has none. */
    static String reasonCode(JsonNode target) {
        JsonNode code = target.path("reasonCode");
        return code.isTextual() && !code.asText().isEmpty() ? code.asText() : "-";
    }
}
