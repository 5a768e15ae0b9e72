package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.StepError;
import dev.cdkbootstrap.workflow.model.TargetResult;
import dev.cdkbootstrap.workflow.model.TargetState;
import dev.cdkbootstrap.workflow.model.Verification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordResultStepTest {
    private static final Instant START = Fixtures.START;
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final Clock clock = Clock.fixed(START.plusSeconds(300), ZoneOffset.UTC);
    private final TargetLock lock = new TargetLock(store, Duration.ofMinutes(100), clock);
    private final RecordResultStep step = new RecordResultStep(store, lock, clock);

    private TargetState built(BuildStatus status, String phase) {
        return Fixtures.decided(false, Decision.BOOTSTRAP, ReasonCode.SETTINGS_DIFFER, "trust differs")
                .withBuild(new BuildInfo("p:1", status, "https://logs", phase, START.plusSeconds(120), START), null, null);
    }

    private TargetState verified(boolean converged, List<String> differences) {
        return built(BuildStatus.SUCCEEDED, null).withVerification(Fixtures.devUpToDate(),
                new Verification(converged, differences));
    }

    @Test
    void theResultIsWrittenUnderTheRunsResultsPrefix() throws Exception {
        TargetResult result = step.run(verified(true, List.of()));

        String written = store.text("config-bucket", "runs/run-1/results/111111111111-eu-west-1.json").orElseThrow();
        assertThat(Json.strict().readValue(written, TargetResult.class)).isEqualTo(result);
    }

    @Test
    void aBootstrappedTargetSaysWhatTheBuildDidNotWhyItWasNeeded() {
        TargetState state = built(BuildStatus.SUCCEEDED, null).withVerification(Fixtures.devUpToDate(),
                new Verification(true, List.of(), List.of("updated from version 30 to 33", "added trust for 999999999999")));

        TargetResult result = step.run(state);

        assertThat(result.outcome()).isEqualTo(Outcome.BOOTSTRAPPED);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.SETTINGS_DIFFER);
        assertThat(result.reason()).isEqualTo("updated from version 30 to 33; added trust for 999999999999"
                + " (verified after the build)");
        assertThat(result.observed()).isEqualTo(Fixtures.devUpToDate());
        assertThat(result.durationSeconds()).isEqualTo(120);
        assertThat(result.buildId()).isEqualTo("p:1");
    }

    @Test
    void withoutWhatTheBuildDidTheReasonSaysWhyItRanAndWhatWasVerified() {
        TargetResult result = step.run(verified(true, List.of()));

        assertThat(result.outcome()).isEqualTo(Outcome.BOOTSTRAPPED);
        assertThat(result.reason()).isEqualTo("bootstrapped because trust differs; verified after the build: version 33,"
                + " qualifier hnb659fds, trust 999999999999, execution policy " + Fixtures.policyArn(Fixtures.DEV, "eu-west-1"));
    }

    @Test
    void aSucceededBuildThatChangedNothingIsNotConvergedNotBootstrapped() {
        TargetResult result = step.run(verified(false, List.of("trust differs: deployed [9] wanted [1]")));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.NOT_CONVERGED);
        assertThat(result.reason()).contains("exited 0", "trust differs: deployed [9] wanted [1]");
    }

    @Test
    void aSucceededBuildNobodyLookedAtAfterwardsIsNeverBootstrapped() {
        TargetResult result = step.run(built(BuildStatus.SUCCEEDED, null));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.NOT_CONVERGED);
    }

    @Test
    void aFailedBuildIsFailedNamingStatusAndPhase() {
        TargetResult result = step.run(built(BuildStatus.FAILED, "BUILD"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.BUILD_FAILED);
        assertThat(result.reason()).startsWith("build FAILED in phase BUILD (needed because: trust differs)");
    }

    @Test
    void aTimedOutBuildHasItsOwnCode() {
        assertThat(step.run(built(BuildStatus.TIMED_OUT, null)).reasonCode()).isEqualTo(ReasonCode.BUILD_TIMED_OUT);
    }

    @Test
    void aSkippedTargetIsSkippedUpToDate() {
        TargetResult result = step.run(Fixtures.decided(false, Decision.SKIP, ReasonCode.UP_TO_DATE, "up to date"));

        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.UP_TO_DATE);
        assertThat(result.reason()).isEqualTo("up to date");
        assertThat(result.durationSeconds()).isEqualTo(300);
    }

    @Test
    void aFailRowIsFailedWithItsCodeAndNoBuild() {
        TargetResult result = step.run(Fixtures.decided(false, Decision.FAIL, ReasonCode.TOOLKIT_DRIFTED, "drifted"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_DRIFTED);
        assertThat(result.buildId()).isNull();
    }

    @Test
    void everyTargetOfADryRunIsPlannedWithTheCodeOfWhatWouldHappen() {
        TargetResult result = step.run(Fixtures.decided(true, Decision.BOOTSTRAP, ReasonCode.TOOLKIT_OUTDATED, "x"));

        assertThat(result.outcome()).isEqualTo(Outcome.PLANNED);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_OUTDATED);
    }

    @Test
    void theEndOfTheTargetGivesItsLeaseBack() {
        lock.acquire(Fixtures.run(false), Fixtures.devTarget());

        step.run(verified(true, List.of()));

        assertThat(store.keys()).noneMatch(key -> key.contains("locks/"));
    }

    @ParameterizedTest
    @CsvSource({"dev.cdkbootstrap.workflow.error.TargetAccessDenied,ACCESS_DENIED",
            "dev.cdkbootstrap.workflow.error.RegionNotEnabled,REGION_NOT_ENABLED",
            "dev.cdkbootstrap.workflow.error.PolicyRejected,POLICY_REJECTED",
            "dev.cdkbootstrap.workflow.error.BuildThrottled,BUILD_THROTTLED",
            "States.Timeout,STEP_FAILED", "java.lang.IllegalStateException,STEP_FAILED"})
    void aCaughtErrorIsFailedWithTheCodeOfItsName(String errorName, ReasonCode code) {
        assertThat(RecordResultStep.codeOf(new StepError(errorName, "x"))).isEqualTo(code);
    }

    @Test
    void aCaughtLambdaErrorIsFailedWithItsErrorMessage() {
        String cause = "{\"errorMessage\":\"cannot assume role X\",\"errorType\":\"dev.cdkbootstrap.workflow.error.TargetAccessDenied\"}";
        TargetState state = Fixtures.state(Fixtures.devTarget(), false);
        TargetState failed = new TargetState(state.run(), state.item(), null, null, null, null, null, null, null, null,
                null, null, new StepError("dev.cdkbootstrap.workflow.error.TargetAccessDenied", cause));

        TargetResult result = step.run(failed);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.ACCESS_DENIED);
        assertThat(result.reason()).isEqualTo("TargetAccessDenied: cannot assume role X");
        assertThat(result.durationSeconds()).isNull();
        assertThat(result.observed()).isNull();
    }

    @Test
    void aPlainTextCauseIsKeptAsIs() {
        assertThat(RecordResultStep.errorReason(new StepError("States.Timeout", "task timed out")))
                .isEqualTo("States.Timeout: task timed out");
    }
}
