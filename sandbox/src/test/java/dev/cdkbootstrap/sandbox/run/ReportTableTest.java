package dev.cdkbootstrap.sandbox.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTableTest {

    @Test
    void eachTargetShowsItsReasonCodeOrADashBeforeTheProductWritesOne() throws Exception {
        JsonNode report = Json.tolerant().readTree("""
                {"status":"FAILED","counts":{"bootstrapped":0,"skipped":1,"failed":1,"planned":0},"targets":[
                 {"account":"111111111111","region":"eu-west-1","outcome":"FAILED","reasonCode":"TOOLKIT_NEEDS_OPERATOR","reason":"r1"},
                 {"account":"222222222222","region":"eu-west-1","outcome":"SKIPPED","reason":"r2"}]}""");

        List<String> lines = printed(new RunOutcome("arn", "run-1", "FAILED", Optional.of(report), null, null, List.of()));

        assertThat(lines).anySatisfy(l -> assertThat(l).contains("OUTCOME").contains("CODE").contains("REASON"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("111111111111").contains("TOOLKIT_NEEDS_OPERATOR").endsWith("r1"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(".*222222222222 +eu-west-1 +SKIPPED +- +- +r2"));
    }

    @Test
    void sixtyTargetsReadAsOneTotalTheRepeatedWarningAsOneLineAndTheStatusLineIsLastWithTheTime() {
        List<String> warnings = new ArrayList<>();
        ArrayNode targets = Json.tolerant().createArrayNode();
        for (int i = 0; i < 60; i++) {
            String account = String.valueOf(200000000000L + i);
            warnings.add(account + "/eu-west-1: no execution policy given (set" + i / 3 + "/dev); using AdministratorAccess."
                    + " Add execution_policy_" + account + "_eu-west-1.json beside the config file");
            ObjectNode target = targets.addObject().put("account", account).put("region", "eu-west-1");
            if (i < 52) {
                target.put("outcome", "BOOTSTRAPPED").put("reasonCode", "TOOLKIT_MISSING").put("reason", "created");
            } else if (i < 58) {
                target.put("outcome", "SKIPPED").put("reasonCode", "UP_TO_DATE").put("reason", "up to date");
            } else {
                target.put("outcome", "FAILED").put("reasonCode", "BUILD_FAILED").put("buildId", "p:" + i)
                        .put("logsUrl", "https://eu-west-1.console.aws.amazon.com/build/p" + i)
                        .put("reason", "build FAILED in phase BUILD (" + "x".repeat(200) + ") fix it");
            }
        }
        ObjectNode report = Json.tolerant().createObjectNode().put("status", "FAILED");
        report.set("targets", targets);

        List<String> lines = printed(new RunOutcome("arn", "run-1", "FAILED", Optional.of(report), Optional.empty(),
                "TargetsFailed", "2 target(s) failed", warnings, Duration.ofSeconds(88)));

        assertThat(lines).filteredOn(l -> l.contains("BOOTSTRAPPED")).isEmpty();
        assertThat(lines).filteredOn(l -> l.matches("  2000000000(58|59) +eu-west-1 +FAILED .*")).hasSize(2);
        assertThat(lines).contains("  (not listed: 58 targets: 52 bootstrapped, 6 up to date; report.md lists every target)");
        assertThat(lines).filteredOn(l -> l.contains("warning")).containsExactly("  warning (x60): no execution policy"
                + " given; using AdministratorAccess. Add execution_policy_<account>_eu-west-1.json beside"
                + " the config file — 60 targets, each in report.md");
        assertThat(lines).filteredOn(l -> l.startsWith("  failed")).as("two alike failures: each whole, not grouped")
                .hasSize(2).allSatisfy(l -> assertThat(l).matches("  failed: 2000000000(58|59)/eu-west-1: build FAILED in phase"
                        + " BUILD \\(x+\\) fix it — build log: .*"));
        assertThat(lines.getLast()).isEqualTo("Run run-1 FAILED in 1 min 28 s: 60 targets: 52 bootstrapped, 6 up to date, 2 failed");
    }

    @Test
    void aFailedTargetHasItsWholeReasonAndWhereItsBuildLogIs() throws Exception {
        String reason = "build FAILED in phase BUILD (needed because: toolkit stack CDKToolkit not found) " + "y".repeat(100);
        JsonNode report = Json.tolerant().readTree("""
                {"status":"FAILED","targets":[
                 {"account":"111111111111","region":"eu-west-1","outcome":"FAILED","reasonCode":"BUILD_FAILED","reason":"%s",
                  "buildId":"p:1","logsUrl":"file:///tmp/sandbox/logs/x/builds/p-1.log"},
                 {"account":"222222222222","region":"eu-west-1","outcome":"FAILED","reasonCode":"ACCESS_DENIED","reason":"denied"},
                 {"account":"333333333333","region":"eu-west-1","outcome":"FAILED","reasonCode":"BUILD_TIMED_OUT","reason":"timed out","buildId":"p:3"}]}"""
                .formatted(reason));

        List<String> lines = printed(new RunOutcome("arn", "run-1", "FAILED", Optional.of(report), null, null, List.of()));

        assertThat(lines).contains("  failed: 111111111111/eu-west-1: " + reason + " — build log: /tmp/sandbox/logs/x/builds/p-1.log",
                "  failed: 222222222222/eu-west-1: denied — no build ran",
                "  failed: 333333333333/eu-west-1: timed out — build p:3 (its log is in the project's log group)");
        assertThat(lines.getLast()).isEqualTo("Run run-1 FAILED: 3 targets: 3 failed");
    }

    @Test
    void groupedFailuresClaimABuildLogOnlyWhenEachHasOne() throws Exception {
        String disabled = "region eu-central-2 is not enabled in this account; enable it or drop it from the config";
        String timedOut = "build timed out after 60 minutes; look at the build and run again";
        JsonNode report = Json.tolerant().readTree("""
                {"status":"FAILED","targets":[
                 {"account":"111111111111","region":"eu-central-2","outcome":"FAILED","reasonCode":"REGION_NOT_ENABLED","reason":"%1$s"},
                 {"account":"222222222222","region":"eu-central-2","outcome":"FAILED","reasonCode":"REGION_NOT_ENABLED","reason":"%1$s"},
                 {"account":"666666666666","region":"eu-central-2","outcome":"FAILED","reasonCode":"REGION_NOT_ENABLED","reason":"%1$s"},
                 {"account":"333333333333","region":"eu-west-1","outcome":"FAILED","reasonCode":"BUILD_TIMED_OUT","reason":"%2$s","buildId":"p:3"},
                 {"account":"444444444444","region":"eu-west-1","outcome":"FAILED","reasonCode":"BUILD_TIMED_OUT","reason":"%2$s"},
                 {"account":"555555555555","region":"eu-west-1","outcome":"FAILED","reasonCode":"BUILD_TIMED_OUT","reason":"%2$s",
                  "logsUrl":"https://eu-west-1.console.aws.amazon.com/build/p5"}]}""".formatted(disabled, timedOut));

        List<String> lines = printed(new RunOutcome("arn", "run-1", "FAILED", Optional.of(report), null, null, List.of()));

        assertThat(lines).filteredOn(l -> l.startsWith("  failed")).containsExactly(
                "  failed (x3): " + disabled + " — 3 targets, no build ran for any, each in report.md",
                "  failed (x3): " + timedOut + " — 3 targets, each in report.md, 2 with a build log (no build ran for the others)");
    }

    @Test
    void aRunWithoutAReportCountsACauseLineRepeatedForEveryTargetOnce() {
        String line = "cdk-app.yml:4:32: error: policy file \"policy.json\" is not valid JSON";
        String cause = String.join("\n", java.util.Collections.nCopies(55, line));

        List<String> lines = printed(new RunOutcome("arn", "run-1", "FAILED", Optional.empty(), Optional.empty(),
                "ConfigInvalid", cause, List.of(), Duration.ofSeconds(3)));

        assertThat(lines).containsSubsequence("  error: ConfigInvalid", "    (x55) " + line);
        assertThat(lines.getLast()).isEqualTo("Run run-1 FAILED in 3 s: no report (the run ended before Summarize)");
    }

    @Test
    void configErrorsArePrintedEachWholeWithItsPositionNeverGrouped() {
        List<String> errors = List.of(
                "s3://b/cdk-app.yml:3:13: error: cdk_app_config.set1.region: region eu-wset-2 is not known to the SDK",
                "s3://b/cdk-app.yml:9:13: error: cdk_app_config.set2.region: region eu-wset-2 is not known to the SDK",
                "s3://b/cdk-app.yml:15:13: error: cdk_app_config.set3.region: region eu-wset-2 is not known to the SDK");

        List<String> lines = printed(new RunOutcome("arn", "run-1", "FAILED", Optional.empty(), Optional.empty(),
                "ConfigInvalid", String.join("\n", errors), List.of(), Duration.ofSeconds(3)));

        assertThat(lines).containsSubsequence("  error: ConfigInvalid", "    " + errors.get(0), "    " + errors.get(1),
                "    " + errors.get(2));
        assertThat(lines).noneMatch(l -> l.contains("<varies>") || l.contains("(x"));
    }

    @Test
    void aLongTableWithNoRowListedPrintsNoHeader() {
        ArrayNode targets = Json.tolerant().createArrayNode();
        for (int i = 0; i < 60; i++) {
            targets.addObject().put("account", String.valueOf(200000000000L + i)).put("region", "eu-west-1")
                    .put("outcome", "BOOTSTRAPPED").put("reasonCode", "TOOLKIT_MISSING").put("reason", "created");
        }
        ObjectNode report = Json.tolerant().createObjectNode().put("status", "SUCCEEDED");
        report.set("targets", targets);

        List<String> lines = printed(new RunOutcome("arn", "run-1", "SUCCEEDED", Optional.of(report), null, null, List.of()));

        assertThat(lines).noneMatch(l -> l.contains("ACCOUNT"));
        assertThat(lines).contains("  (not listed: 60 targets: 60 bootstrapped; report.md lists every target)");
    }

    @Test
    void secondsReadAsADashForEveryFailureWithNoBuildWhateverTheReportSays() throws Exception {
        JsonNode report = Json.tolerant().readTree("""
                {"status":"FAILED","targets":[
                 {"account":"111111111111","region":"eu-west-1","outcome":"FAILED","reasonCode":"ACCESS_DENIED","reason":"r1"},
                 {"account":"222222222222","region":"eu-west-1","outcome":"FAILED","reasonCode":"TRUST_OUTSIDE_ORGANIZATION",
                  "durationSeconds":0,"reason":"r2"},
                 {"account":"333333333333","region":"eu-west-1","outcome":"FAILED","reasonCode":"BUILD_FAILED",
                  "durationSeconds":5,"buildId":"p:3","reason":"r3"}]}""");

        List<String> lines = printed(new RunOutcome("arn", "run-1", "FAILED", Optional.of(report), null, null, List.of()));

        assertThat(lines).anySatisfy(l -> assertThat(l).matches(".*111111111111 .*ACCESS_DENIED +- +r1"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(".*222222222222 .*TRUST_OUTSIDE_ORGANIZATION +- +r2"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(".*333333333333 .*BUILD_FAILED +5 +r3"));
    }

    private static List<String> printed(RunOutcome outcome) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportTable.print(outcome, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
