package dev.cdkbootstrap.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.StepError;
import dev.cdkbootstrap.workflow.model.TargetResult;
import dev.cdkbootstrap.workflow.model.TargetState;
import dev.cdkbootstrap.workflow.model.Verification;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 6, the end of every target's path (also from a Catch). Turns the target's state into its
 * outcome, reason code and reason, writes {@code results/<account>-<region>.json}, then gives back the
 * target's lease if this run holds it. BOOTSTRAPPED only when the build succeeded AND the observation
 * after it converged (docs/workflow.md, "Outcomes"); its reason says what the build did, not why it was needed.
 */
public final class RecordResultStep {
    private static final Logger LOG = LoggerFactory.getLogger(RecordResultStep.class);

    private final ObjectStore store;
    private final TargetLock lock;
    private final Clock clock;

    public RecordResultStep(ObjectStore store, TargetLock lock, Clock clock) {
        this.store = store;
        this.lock = lock;
        this.clock = clock;
    }

    /** An outcome with its code and the reason people read. */
    record Verdict(Outcome outcome, ReasonCode code, String reason) {}

    public TargetResult run(TargetState state) {
        Target target = state.item().target();
        BuildInfo build = state.build();
        Instant endedAt = build != null && build.endedAt() != null ? build.endedAt() : clock.instant();
        Long duration = state.startedAt() == null ? null
                : Math.max(0, Duration.between(state.startedAt(), endedAt).toSeconds());
        Verdict verdict = verdict(state);
        TargetResult result = new TargetResult(target.account(), target.region(), verdict.outcome(), verdict.code(),
                verdict.reason(), build == null ? null : build.id(), build == null ? null : build.logsUrl(),
                state.startedAt(), endedAt, duration, state.observed());
        store.write(state.run().artifactBucket(),
                RunLayout.result(state.run().runFolder(), state.run().preview(), target.account(), target.region()),
                json(result), "application/json");
        if (!state.run().writesNothing()) {
            try {
                lock.release(state.run(), target);
            } catch (RuntimeException e) { // the result is written; the lease expires on its own
                LOG.warn("could not release the lease of {}: {}", target.id(), e.toString());
            }
        }
        return result;
    }

    static Verdict verdict(TargetState state) {
        if (state.error() != null) {
            return new Verdict(Outcome.FAILED, codeOf(state.error()), errorReason(state.error()));
        }
        if (state.run().writesNothing()) {
            return new Verdict(Outcome.PLANNED, state.reasonCode(), state.reason());
        }
        if (state.decision() == Decision.SKIP) {
            return new Verdict(Outcome.SKIPPED, state.reasonCode(), state.reason());
        }
        if (state.decision() != Decision.BOOTSTRAP) { // FAIL rows, or a wait that never ended
            return new Verdict(Outcome.FAILED, state.reasonCode() == null ? ReasonCode.STEP_FAILED : state.reasonCode(),
                    state.reason());
        }
        BuildInfo build = state.build();
        if (build == null) {
            return new Verdict(Outcome.FAILED, ReasonCode.STEP_FAILED, "no build was started (needed because: "
                    + state.reason() + ")");
        }
        if (build.status() != BuildStatus.SUCCEEDED) {
            return new Verdict(Outcome.FAILED, build.status() == BuildStatus.TIMED_OUT ? ReasonCode.BUILD_TIMED_OUT
                    : ReasonCode.BUILD_FAILED, "build " + build.status()
                    + (build.failedPhase() == null ? "" : " in phase " + build.failedPhase())
                    + " (needed because: " + state.reason() + ")");
        }
        Verification verification = state.verification();
        if (verification == null) {
            return new Verdict(Outcome.FAILED, ReasonCode.NOT_CONVERGED,
                    "the build succeeded but the target was not observed afterwards");
        }
        if (!verification.converged()) {
            return new Verdict(Outcome.FAILED, ReasonCode.NOT_CONVERGED, "the build succeeded (cdk bootstrap exited 0)"
                    + " but the toolkit does not match the plan: " + String.join("; ", verification.differences()));
        }
        return new Verdict(Outcome.BOOTSTRAPPED, state.reasonCode(), bootstrapped(state, verification));
    }

    /**
     * What the build did ({@link Verification#done}), then "(verified after the build)"; when that is not known
     * (an older state, or nothing the plan manages changed), the decision's reason and the toolkit as verified.
     */
    private static String bootstrapped(TargetState state, Verification verification) {
        if (verification.done() != null && !verification.done().isEmpty()) {
            return String.join("; ", verification.done()) + " (verified after the build)";
        }
        return "bootstrapped because " + state.reason() + "; verified after the build: "
                + ToolkitChanges.describe(state.observed(), state.item().target());
    }

    /** The reason code of an error a Catch recorded, by its name (a Java class name or a States.* name). */
    static ReasonCode codeOf(StepError error) {
        String name = error.error() == null ? "" : error.error();
        return switch (name.substring(name.lastIndexOf('.') + 1)) {
            case "TargetAccessDenied" -> ReasonCode.ACCESS_DENIED;
            case "RegionNotEnabled" -> ReasonCode.REGION_NOT_ENABLED;
            case "PolicyRejected" -> ReasonCode.POLICY_REJECTED;
            case "BuildThrottled" -> ReasonCode.BUILD_THROTTLED;
            default -> ReasonCode.STEP_FAILED;
        };
    }

    /** {@code <ErrorName>: <message>}, the message from the Cause ({@link StepError#message(String)}: no stack trace). */
    static String errorReason(StepError error) {
        String name = error.error() == null ? "Error" : error.error();
        if (name.matches("([a-z]\\w*\\.)+[A-Z]\\w*")) {
            name = name.substring(name.lastIndexOf('.') + 1); // a Java class name: its simple name is enough
        }
        String message = error.message();
        return message.isEmpty() ? name : name + ": " + message;
    }

    private static byte[] json(Object value) {
        try {
            return Json.strict().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
