package dev.cdkbootstrap.sandbox.run;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cdkbootstrap.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The end of a {@code bootstrapctl sandbox} session: the last run's report.json and report.md (the one
 * Summarize wrote to the emulated S3, rendered by the same code as in AWS) written to {@code --report} and
 * beside it, every run's pair kept in {@code WORK_DIR/reports/<runId>.json|.md} when there is more than one
 * run, and the session's final line, the last line printed: its status, the wall time since the sandbox
 * started and the last run's targets as one total.
 */
public final class SessionReports {
    private SessionReports() {}

    /** Writes the reports (each said on {@code out}), then prints the final line. */
    public static void write(List<RunOutcome> outcomes, Path workDir, Path report, Duration wall, PrintStream out)
            throws IOException {
        if (outcomes.size() > 1) { // every run's report stays readable, not only the last
            for (RunOutcome outcome : outcomes) {
                write(outcome, workDir.resolve("reports").resolve(outcome.runId() + ".json"), out);
            }
        }
        write(outcomes.get(outcomes.size() - 1), report, out);
        out.println(finalLine(outcomes, wall));
    }

    /**
     * E.g. {@code "sandbox: SUCCEEDED in 34 s: run 22c3d508-...: 4 targets: 4 bootstrapped"}, or for several runs
     * {@code "sandbox: FAILED in 2 min 10 s: 3 runs, 1 failed (run a...); the last, run c...: 4 targets: 4 up to date"}.
     */
    public static String finalLine(List<RunOutcome> outcomes, Duration wall) {
        List<RunOutcome> failed = outcomes.stream().filter(o -> !o.succeeded()).toList();
        RunOutcome last = outcomes.get(outcomes.size() - 1);
        String lastRun = "run " + last.runId() + ": " + last.report().map(ReportTable::counts)
                .orElse("execution " + last.status() + ", no report");
        String runs = outcomes.size() == 1 ? lastRun : outcomes.size() + " runs, " + (failed.isEmpty() ? "none"
                : failed.size()) + " failed" + (failed.isEmpty() ? "" : " (" + String.join(", ", failed.stream()
                .map(o -> "run " + o.runId()).toList()) + ")") + "; the last, " + lastRun;
        return "sandbox: " + (failed.isEmpty() ? "SUCCEEDED" : "FAILED") + " in " + Durations.words(wall) + ": " + runs;
    }

    /** {@code report} (report.json) and report.md beside it ({@code X.json} → {@code X.md}). */
    static void write(RunOutcome outcome, Path report, PrintStream out) throws IOException {
        Path json = report.toAbsolutePath();
        Files.createDirectories(json.getParent());
        String name = report.getFileName().toString();
        Path markdown = report.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".md");
        if (outcome.report().isEmpty()) {
            Files.deleteIfExists(report);
            Files.deleteIfExists(markdown);
            out.println("sandbox: run " + outcome.runId() + " wrote no report.json; nothing written to " + report);
            return;
        }
        Files.writeString(report, Json.tolerant().writer().with(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(outcome.report().get()) + "\n");
        if (outcome.reportMarkdown().isPresent()) {
            Files.writeString(markdown, outcome.reportMarkdown().get());
            out.println("sandbox: report of run " + outcome.runId() + " written to " + report + " and " + markdown);
        } else {
            Files.deleteIfExists(markdown);
            out.println("sandbox: report of run " + outcome.runId() + " written to " + report + " (the run wrote no report.md)");
        }
    }
}
