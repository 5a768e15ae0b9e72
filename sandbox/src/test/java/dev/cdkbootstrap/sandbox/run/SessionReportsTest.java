package dev.cdkbootstrap.sandbox.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionReportsTest {
    @TempDir
    Path work;

    private static RunOutcome run(String id, String status, String outcome) throws Exception {
        JsonNode report = Json.tolerant().readTree("""
                {"status":"%s","counts":{"failed":%d},"targets":[{"account":"111111111111","region":"eu-west-1","outcome":"%s"}]}"""
                .formatted(status, outcome.equals("FAILED") ? 1 : 0, outcome));
        return new RunOutcome("arn:" + id, id, status, Optional.of(report), Optional.of("# CDK bootstrap run " + id + "\n"),
                null, null, List.of(), Duration.ofSeconds(5));
    }

    @Test
    void theReportMdSummarizeWroteLandsBesideReportJsonAndTheFinalLineIsLastWithTheWallTime() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        SessionReports.write(List.of(run("r1", "SUCCEEDED", "BOOTSTRAPPED")), work, work.resolve("report.json"),
                Duration.ofSeconds(34), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(work.resolve("report.md")).hasContent("# CDK bootstrap run r1");
        assertThat(Json.tolerant().readTree(Files.readString(work.resolve("report.json"))).path("status").asText())
                .isEqualTo("SUCCEEDED");
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getLast()).isEqualTo("sandbox: SUCCEEDED in 34 s: run r1: 1 target: 1 bootstrapped");
    }

    @Test
    void severalRunsKeepEveryReportAndTheFinalLineNamesTheFailedOnes() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        SessionReports.write(List.of(run("r1", "FAILED", "FAILED"), run("r2", "SUCCEEDED", "SKIPPED")), work,
                work.resolve("last.json"), Duration.ofSeconds(130), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(work.resolve("reports/r1.md")).exists();
        assertThat(work.resolve("reports/r2.json")).exists();
        assertThat(work.resolve("last.md")).hasContent("# CDK bootstrap run r2");
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList().getLast()).isEqualTo(
                "sandbox: FAILED in 2 min 10 s: 2 runs, 1 failed (run r1); the last, run r2: 1 target: 1 up to date");
    }
}
