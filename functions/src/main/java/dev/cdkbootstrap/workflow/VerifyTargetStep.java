package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.model.TargetState;
import dev.cdkbootstrap.workflow.model.Verification;
import dev.cdkbootstrap.workflow.port.TargetAccount;
import dev.cdkbootstrap.workflow.port.TargetConnector;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Step 5, after every build that ended: observes the target again (same role, same reads as
 * PrepareTarget) and compares it with the plan by the decision table. Converged exactly when the
 * table says UP_TO_DATE: version at or above the pinned one (or the custom template's), the variant
 * (default, or the custom template's), the target's qualifier, SSM version equal to the stack's, and
 * every managed setting as planned ({@link SettingsDifferences}: trust, lookup trust, execution policies,
 * permissions boundary, termination protection, tags, KMS key, public access block).
 * A build that exits 0 proves nothing ({@code cdk bootstrap} declines some changes and still succeeds),
 * so this observation, not the exit code, decides BOOTSTRAPPED. A stack busy right after the build
 * (someone else's operation) is waited for, up to {@link WaitPolicy#verifyBound()}; while it waits, the state
 * keeps PrepareTarget's observation. A converged verification also says what the build did
 * ({@link ToolkitChanges#done}: PrepareTarget's observation against this one), the reason RecordResult gives.
 */
public final class VerifyTargetStep {
    private final TargetConnector connector;
    private final WaitPolicy waits;
    private final ToolkitRequirements required;
    private final Clock clock;

    public VerifyTargetStep(TargetConnector connector, WaitPolicy waits, ToolkitRequirements required, Clock clock) {
        this.connector = connector;
        this.waits = waits;
        this.required = required;
        this.clock = clock;
    }

    public TargetState run(TargetState state) {
        Target target = state.item().target();
        Instant now = clock.instant();
        var session = new TargetConnector.TargetSession(target.account(), target.partition(), target.region(),
                SessionNames.forRun(state.run().runId()));
        ObservedToolkit observed;
        try (TargetAccount account = connector.connect(session)) {
            observed = ToolkitObserver.observe(account.toolkit(), target);
        }
        ToolkitDecision.Verdict verdict = ToolkitDecision.decide(observed, target, required);
        if (verdict.decision() == Decision.WAIT && !WaitPolicy.expired(state.waiting(), now, waits.verifyBound())) {
            // keeps the observation before the build: what the build did is judged against it
            return state.waitingFor(waits.verify(state.waiting(), now));
        }
        boolean converged = verdict.decision() == Decision.SKIP;
        return state.withVerification(observed, new Verification(converged, converged ? List.of() : verdict.findings(),
                converged ? ToolkitChanges.done(state.observed(), observed, target) : List.of()));
    }
}
