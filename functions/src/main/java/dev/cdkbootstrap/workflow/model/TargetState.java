package dev.cdkbootstrap.workflow.model;

import java.time.Instant;
import java.util.List;

/**
 * The state of one target as it moves through the Map iteration; each step returns a copy with its
 * own fields filled in (docs/contracts.md, "Workflow payloads").
 *
 * @param startedAt    when PrepareTarget first ran for this target
 * @param decision     PrepareTarget's verdict; {@code reasonCode} and {@code reason} say why
 * @param untrust      deployed-but-unwanted accounts the build passes as {@code --untrust}
 * @param observed     the toolkit as last read (by PrepareTarget, then again by VerifyTarget)
 * @param verification VerifyTarget's comparison of the observation after the build with the plan
 * @param waiting      set while a step wants the state machine to wait and call it again
 * @param deadline     when a running build is stopped (its start of running + the deadline)
 * @param error        set by a Catch
 */
public record TargetState(
        RunRef run,
        TargetItem item,
        Instant startedAt,
        Decision decision,
        ReasonCode reasonCode,
        String reason,
        List<String> untrust,
        ObservedToolkit observed,
        Verification verification,
        Waiting waiting,
        BuildInfo build,
        Instant deadline,
        StepError error) {

    public static TargetState of(RunRef run, TargetItem item) {
        return new TargetState(run, item, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** PrepareTarget's verdict (clears any wait). */
    public TargetState withDecision(Instant started, Decision newDecision, ReasonCode code, String newReason,
            List<String> newUntrust, ObservedToolkit newObserved) {
        return new TargetState(run, item, started, newDecision, code, newReason, newUntrust, newObserved,
                verification, null, build, deadline, error);
    }

    /** Ask the state machine to call the current step again after {@code next.seconds()}. */
    public TargetState waitingFor(Waiting next) {
        return new TargetState(run, item, startedAt, decision, reasonCode, reason, untrust, observed, verification,
                next, build, deadline, error);
    }

    public TargetState withBuild(BuildInfo newBuild, Instant newDeadline, Waiting next) {
        return new TargetState(run, item, startedAt, decision, reasonCode, reason, untrust, observed, verification,
                next, newBuild, newDeadline, error);
    }

    /** VerifyTarget's observation and comparison (clears any wait). */
    public TargetState withVerification(ObservedToolkit newObserved, Verification newVerification) {
        return new TargetState(run, item, startedAt, decision, reasonCode, reason, untrust, newObserved,
                newVerification, null, build, deadline, error);
    }
}
