package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.StepError;
import dev.cdkbootstrap.workflow.model.TargetResult;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecordResultStepTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final RecordResultStep step = new RecordResultStep(store, Clock.fixed(START.plusSeconds(300), ZoneOffset.UTC));

    private TargetState decided(Decision decision, boolean dryRun) {
        return Fixtures.state(Fixtures.devTarget(), dryRun).withDecision(START, decision, "up to date");
    }

    private TargetState built(BuildStatus status, String phase) {
        return decided(Decision.BOOTSTRAP, false).withBuild(
                new BuildInfo("p:1", status, "https://logs", phase, START.plusSeconds(120)));
    }

    @Test
    void theResultIsWrittenUnderTheRunsResultsPrefix() throws Exception {
        TargetResult result = step.run(built(BuildStatus.SUCCEEDED, null));

        String written = store.text("config-bucket", "runs/run-1/results/111111111111-eu-west-1.json").orElseThrow();
        assertThat(Json.strict().readValue(written, TargetResult.class)).isEqualTo(result);
    }

    @Test
    void aSucceededBuildIsBootstrappedWithItsDuration() {
        TargetResult result = step.run(built(BuildStatus.SUCCEEDED, null));

        assertThat(result.outcome()).isEqualTo(Outcome.BOOTSTRAPPED);
        assertThat(result.durationSeconds()).isEqualTo(120);
        assertThat(result.buildId()).isEqualTo("p:1");
    }

    @Test
    void aFailedBuildIsFailedNamingStatusAndPhase() {
        TargetResult result = step.run(built(BuildStatus.FAILED, "BUILD"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).startsWith("build FAILED in phase BUILD");
    }

    @Test
    void aSkippedTargetIsSkippedWithTheReason() {
        TargetResult result = step.run(decided(Decision.SKIP, false));

        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.reason()).isEqualTo("up to date");
        assertThat(result.durationSeconds()).isEqualTo(300);
    }

    @Test
    void everyTargetOfADryRunIsPlanned() {
        assertThat(step.run(decided(Decision.BOOTSTRAP, true)).outcome()).isEqualTo(Outcome.PLANNED);
    }

    @Test
    void aCaughtLambdaErrorIsFailedWithItsErrorMessage() {
        String cause = "{\"errorMessage\":\"cannot assume role X\",\"errorType\":\"dev.cdkbootstrap.workflow.error.TargetAccessDenied\"}";
        TargetState state = Fixtures.state(Fixtures.devTarget(), false);
        TargetState failed = new TargetState(state.run(), state.item(), null, null, null, null, null,
                new StepError("dev.cdkbootstrap.workflow.error.TargetAccessDenied", cause));

        TargetResult result = step.run(failed);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reason()).isEqualTo("TargetAccessDenied: cannot assume role X");
        assertThat(result.durationSeconds()).isNull();
    }

    @Test
    void aPlainTextCauseIsKeptAsIs() {
        assertThat(RecordResultStep.errorReason(new StepError("States.Timeout", "task timed out")))
                .isEqualTo("States.Timeout: task timed out");
    }
}
