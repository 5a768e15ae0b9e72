package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.sandbox.run.ScheduledRuns;
import dev.cdkbootstrap.workflow.RunLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scheduled reconciliation (docs/workflow.md, "Scheduled reconciliation"), the schedule fired by the sandbox
 * (--reconcile, or SandboxSession#fireSchedule when --parameter ReconcileSchedule deployed one) after the upload's run bootstrapped single-set.yml. Someone then
 * widens one toolkit's trust by hand. In ReconcileMode report the scheduled run is a dry run whose report names
 * exactly the drifted target, builds nothing, and is published once, while the same run over an untouched fleet
 * publishes nothing; in ReconcileMode apply the scheduled run bootstraps the drifted target back to the plan.
 */
class ReconcileE2E {
    private static final String REGION = "eu-west-1";
    private static final String DRIFTED = "333333333333";
    private static final String PLANNED_TRUST = "111111111111,222222222222";
    private static final String WIDENED_TRUST = "111111111111,222222222222,555555555555";

    @Test
    void reportModeNamesExactlyTheDriftedTargetBuildsNothingAndPublishesOnlyWhenSomethingDiffers() throws Exception {
        try (var session = E2ESupport.open("reconcile-report", "--config", E2ESupport.sample("single-set.yml").toString(),
                "--simulated-builds", "--reconcile")) {
            assertThat(session.run(0).succeeded()).as(session.run(0).toString()).isTrue();
            int builds = session.buildsStarted();
            assertThat(builds).isEqualTo(4);

            // --reconcile fired once after the upload's run: nothing differs, so nothing is published.
            ScheduledRuns.Fired quiet = session.session().scheduledRuns().getFirst();
            assertThat(quiet.outcome()).isSameAs(session.run(1));
            JsonNode quietReport = scheduledReport(quiet, true);
            assertThat(quietReport.path("drift").path("notUpToDate").asInt()).isZero();
            assertThat(quietReport.path("drift").path("notified").asBoolean()).isFalse();
            assertThat(E2ESupport.targets(quiet.outcome()).values()).hasSize(4)
                    .allSatisfy(t -> assertThat(t.path("reasonCode").asText()).isEqualTo("UP_TO_DATE"));
            assertThat(quiet.published()).as("a fleet fully up to date sends nothing").isEmpty();
            assertThat(markdown(session, quiet.outcome())).contains("every target up to date; nothing published");

            session.changeStackParameter(DRIFTED, REGION, "TrustedAccounts", WIDENED_TRUST);
            ScheduledRuns.Fired drifted = session.session().fireSchedule();

            JsonNode report = scheduledReport(drifted, true);
            assertThat(report.path("drift").path("targets")).extracting(JsonNode::asText)
                    .containsExactly(DRIFTED + "/" + REGION);
            assertThat(report.path("drift").path("notified").asBoolean()).isTrue();
            Map<String, JsonNode> targets = E2ESupport.targets(drifted.outcome());
            JsonNode target = targets.get(DRIFTED + "/" + REGION);
            assertThat(target.path("outcome").asText()).isEqualTo("PLANNED");
            assertThat(target.path("reasonCode").asText()).isEqualTo("SETTINGS_DIFFER");
            assertThat(target.path("reason").asText()).contains("trust differs").contains("555555555555");
            targets.remove(DRIFTED + "/" + REGION);
            assertThat(targets.values()).hasSize(3)
                    .allSatisfy(t -> assertThat(t.path("reasonCode").asText()).isEqualTo("UP_TO_DATE"));
            assertThat(session.buildsStarted()).as("a report-mode run builds nothing").isEqualTo(builds);
            assertThat(session.stackParameter(DRIFTED, REGION, "TrustedAccounts")).as("and changes nothing")
                    .isEqualTo(WIDENED_TRUST);

            assertThat(drifted.published()).as("one message").singleElement().satisfies(n -> {
                assertThat(n.subject()).startsWith("CDK bootstrap SUCCEEDED (drift report: 1 not up to date): "
                        + drifted.outcome().runId());
                assertThat(n.message()).contains("1 of 4 target(s) not up to date:\n- " + DRIFTED + "/" + REGION
                        + " SETTINGS_DIFFER: dry run: would bootstrap:").doesNotContain("222222222222/" + REGION + " ");
            });
            assertThat(markdown(session, drifted.outcome())).contains("## Not up to date")
                    .contains("| " + DRIFTED + "/" + REGION + " | SETTINGS_DIFFER | ");
            assertThat(session.printed()).contains("--reconcile: fired schedule sandbox-reconcile/sandbox-reconcile"
                            + " (rate(1 day)) once, as EventBridge Scheduler would")
                    .contains("(ReconcileMode report: a dry run;")
                    .contains("the report topic got no message from run " + quiet.outcome().runId())
                    .contains("the report topic got 1 message(s) from run " + drifted.outcome().runId());
        }
    }

    @Test
    void applyModeBootstrapsTheDriftedTargetBackToThePlan() throws Exception {
        try (var session = E2ESupport.open("reconcile-apply", "--config", E2ESupport.sample("single-set.yml").toString(),
                "--parameter", "ReconcileSchedule=rate(12 hours)", "--parameter", "ReconcileMode=apply")) {
            assertThat(session.run(0).succeeded()).as(session.run(0).toString()).isTrue();
            int builds = session.buildsStarted();
            session.changeStackParameter(DRIFTED, REGION, "TrustedAccounts", WIDENED_TRUST);

            ScheduledRuns.Fired fired = session.session().fireSchedule();

            JsonNode report = scheduledReport(fired, false);
            assertThat(report.path("drift").isNull()).as("a normal run, no drift report").isTrue();
            assertThat(fired.outcome().succeeded()).as(fired.outcome().toString()).isTrue();
            Map<String, JsonNode> targets = E2ESupport.targets(fired.outcome());
            JsonNode target = targets.get(DRIFTED + "/" + REGION);
            assertThat(target.path("outcome").asText()).as(target.toString()).isEqualTo("BOOTSTRAPPED");
            assertThat(target.path("reasonCode").asText()).isEqualTo("SETTINGS_DIFFER");
            List<String> trust = new ArrayList<>();
            target.path("observed").path("trust").forEach(a -> trust.add(a.asText()));
            assertThat(String.join(",", trust)).isEqualTo(PLANNED_TRUST);
            assertThat(session.stackParameter(DRIFTED, REGION, "TrustedAccounts")).isEqualTo(PLANNED_TRUST);
            assertThat(targets.values()).filteredOn(t -> t != target)
                    .allSatisfy(t -> assertThat(t.path("outcome").asText()).isEqualTo("SKIPPED"));
            assertThat(session.buildsStarted()).as("one build: the drifted target").isEqualTo(builds + 1);
            assertThat(fired.published()).as("published like any run").singleElement()
                    .satisfies(n -> assertThat(n.subject()).startsWith("CDK bootstrap SUCCEEDED: "));
            assertThat(session.printed()).contains("(ReconcileMode apply: a normal run");
        }
    }

    /** The fired run's report: started by the schedule's input (trigger schedule, a dry run in report mode). */
    private static JsonNode scheduledReport(ScheduledRuns.Fired fired, boolean dryRun) {
        RunOutcome outcome = fired.outcome();
        JsonNode report = outcome.report().orElseThrow(() -> new AssertionError(outcome.toString()));
        assertThat(report.path("trigger").asText()).isEqualTo("schedule");
        assertThat(report.path("dryRun").asBoolean()).isEqualTo(dryRun);
        return report;
    }

    private static String markdown(E2ESupport.Session session, RunOutcome outcome) {
        String bucket = session.session().deployment().configBucket();
        return session.session().sandbox().clients().s3()
                .getObjectAsBytes(b -> b.bucket(bucket).key(RunLayout.RUNS_ROOT + outcome.runId() + "/report.md")).asUtf8String();
    }
}
