package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.ExecutionPolicy;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.error.RegionNotEnabled;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.TargetState;
import dev.cdkbootstrap.workflow.port.TargetAccount;
import dev.cdkbootstrap.workflow.port.TargetConnector;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 2, once per target. Assumes the target role (one AssumeRole), checks that the region is
 * enabled, brings the execution policies from files up to date, then decides BOOTSTRAP or SKIP
 * with the reason (the up-to-date check). In a dry run nothing is written in the target account and
 * the reason says what a real run would do.
 */
public final class PrepareTargetStep {
    private final TargetConnector connector;
    private final int wantedBootstrapVersion;
    private final Clock clock;

    /** @param wantedBootstrapVersion the toolkit version the pinned CDK CLI deploys */
    public PrepareTargetStep(TargetConnector connector, int wantedBootstrapVersion, Clock clock) {
        this.connector = connector;
        this.wantedBootstrapVersion = wantedBootstrapVersion;
        this.clock = clock;
    }

    public TargetState run(TargetState state) {
        Instant startedAt = clock.instant();
        Target target = state.item().target();
        boolean dryRun = state.run().dryRun();
        var session = new TargetConnector.TargetSession(target.account(), target.partition(), target.region(),
                SessionNames.forRun(state.run().runId()));
        try (TargetAccount account = connector.connect(session)) {
            TargetAccount.RegionStatus region = account.regionStatus(target.region());
            if (region != TargetAccount.RegionStatus.ENABLED) {
                throw new RegionNotEnabled("region " + target.region() + " is not enabled for account "
                        + target.account() + " (" + region + "); enable it or remove the target from cdk-app.yml");
            }
            List<String> policyNotes = new ArrayList<>();
            for (ExecutionPolicy policy : target.executionPolicies()) {
                if (policy.origin().fromFile()) {
                    String document = state.item().policyDocuments().get(policy.file());
                    if (document == null) {
                        throw new IllegalArgumentException("target " + target.id() + ": no document for policy file "
                                + policy.file() + " in the item");
                    }
                    var result = ExecutionPolicySync.sync(account.policies(), policy.arn(), document, dryRun);
                    if (result.change() != ExecutionPolicySync.Change.UNCHANGED) {
                        policyNotes.add(result.describe(dryRun));
                    }
                }
            }
            List<String> differences = ToolkitCheck.differences(account.toolkit(), target, wantedBootstrapVersion);
            Decision decision = differences.isEmpty() ? Decision.SKIP : Decision.BOOTSTRAP;
            return state.withDecision(startedAt, decision, reason(decision, differences, policyNotes, dryRun));
        }
    }

    private static String reason(Decision decision, List<String> differences, List<String> policyNotes, boolean dryRun) {
        List<String> parts = new ArrayList<>();
        if (decision == Decision.SKIP) {
            parts.add(dryRun ? "would skip: up to date" : "up to date");
        } else {
            parts.add((dryRun ? "would bootstrap: " : "") + String.join("; ", differences));
        }
        parts.addAll(policyNotes);
        return (dryRun ? "dry run: " : "") + String.join("; ", parts);
    }
}
