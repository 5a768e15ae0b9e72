package dev.cdkbootstrap.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.StepError;
import dev.cdkbootstrap.workflow.model.TargetResult;
import dev.cdkbootstrap.workflow.model.TargetState;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Step 5, the end of every target's path (also from a Catch). Turns the target's state into its
 * outcome and writes {@code results/<account>-<region>.json}: error → FAILED, dry run → PLANNED,
 * SKIP → SKIPPED, build SUCCEEDED → BOOTSTRAPPED, any other build end → FAILED.
 */
public final class RecordResultStep {
    private final ObjectStore store;
    private final Clock clock;

    public RecordResultStep(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public TargetResult run(TargetState state) {
        Target target = state.item().target();
        BuildInfo build = state.build();
        Instant endedAt = build != null && build.endedAt() != null ? build.endedAt() : clock.instant();
        Long duration = state.startedAt() == null ? null
                : Math.max(0, Duration.between(state.startedAt(), endedAt).toSeconds());
        TargetResult result = new TargetResult(target.account(), target.region(), outcome(state), reason(state),
                build == null ? null : build.id(), build == null ? null : build.logsUrl(),
                state.startedAt(), endedAt, duration);
        store.write(state.run().artifactBucket(),
                RunLayout.result(state.run().runPrefix(), target.account(), target.region()),
                json(result), "application/json");
        return result;
    }

    static Outcome outcome(TargetState state) {
        if (state.error() != null) {
            return Outcome.FAILED;
        }
        if (state.run().dryRun()) {
            return Outcome.PLANNED;
        }
        if (state.decision() == Decision.SKIP) {
            return Outcome.SKIPPED;
        }
        return state.build() != null && state.build().status() == BuildStatus.SUCCEEDED
                ? Outcome.BOOTSTRAPPED : Outcome.FAILED;
    }

    static String reason(TargetState state) {
        if (state.error() != null) {
            return errorReason(state.error());
        }
        if (state.run().dryRun() || state.decision() == Decision.SKIP) {
            return state.reason();
        }
        BuildInfo build = state.build();
        if (build == null) {
            return "no build was started (decision " + state.decision() + ")";
        }
        if (build.status() == BuildStatus.SUCCEEDED) {
            return state.reason();
        }
        return "build " + build.status() + (build.failedPhase() == null ? "" : " in phase " + build.failedPhase())
                + (state.reason() == null ? "" : " (needed because: " + state.reason() + ")");
    }

    /** {@code <ErrorName>: <message>}, the message taken from a Lambda error's Cause JSON. */
    static String errorReason(StepError error) {
        String name = error.error() == null ? "Error" : error.error();
        if (name.matches("([a-z]\\w*\\.)+[A-Z]\\w*")) {
            name = name.substring(name.lastIndexOf('.') + 1); // a Java class name: its simple name is enough
        }
        String cause = error.cause() == null ? "" : error.cause();
        try {
            JsonNode node = Json.tolerant().readTree(cause);
            if (node != null && node.hasNonNull("errorMessage")) {
                cause = node.get("errorMessage").asText();
            }
        } catch (JsonProcessingException notJson) {
            // a service integration's Cause is plain text: keep it as is
        }
        return cause.isEmpty() ? name : name + ": " + cause;
    }

    private static byte[] json(Object value) {
        try {
            return Json.strict().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
