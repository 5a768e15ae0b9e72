package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.ExecutionPolicy;
import dev.cdkbootstrap.config.Regions;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.error.RegionNotEnabled;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.Refusal;
import dev.cdkbootstrap.workflow.model.TargetState;
import dev.cdkbootstrap.workflow.port.TargetAccount;
import dev.cdkbootstrap.workflow.port.TargetConnector;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 2, once per target (again after each wait). Assumes the target role (one AssumeRole), checks
 * that the region is enabled, brings the execution policies from files up to date, observes the
 * toolkit and decides by the decision table ({@link ToolkitDecision}); with {@code permissions_boundary:
 * cdk-example} it creates the CDK's example boundary when missing ({@link ExampleBoundary}). A target whose
 * configured permissions boundary conflicts with the deployment's ({@link ToolkitRequirements#boundaryConflict})
 * fails first, without a session in its account. A real run takes the target's
 * lease ({@link TargetLock}) before it writes a policy or looks at the toolkit, so it decides only from
 * an observation no other run of this deployment is changing (docs/workflow.md, "Concurrency"); a
 * busy toolkit or another run's lease makes the state machine wait and call again, up to
 * {@link WaitPolicy#busyBound()}, then the target FAILS with TOOLKIT_BUSY. TOOLKIT_LEFTOVERS needs two
 * observations in a row. In a dry run nothing is written (no policy, no lease) and nothing waited
 * for; the reason says what a real run would do.
 */
public final class PrepareTargetStep {
    private final TargetConnector connector;
    private final TargetLock lock;
    private final WaitPolicy waits;
    private final ToolkitRequirements required;
    private final String organizationId;
    private final Clock clock;

    /**
     * @param required       what every toolkit must be besides the plan (pinned version, permissions boundary)
     * @param organizationId the deployment's organization ({@code o-...}), null for NONE: with one, a
     *                       target account that says it is elsewhere fails ACCOUNT_OUTSIDE_ORGANIZATION
     */
    public PrepareTargetStep(TargetConnector connector, TargetLock lock, WaitPolicy waits, ToolkitRequirements required,
            String organizationId, Clock clock) {
        this.connector = connector;
        this.lock = lock;
        this.waits = waits;
        this.required = required;
        this.organizationId = organizationId;
        this.clock = clock;
    }

    public TargetState run(TargetState state) {
        Instant now = clock.instant();
        Instant startedAt = state.startedAt() != null ? state.startedAt() : now;
        Target target = state.item().target();
        boolean dryRun = state.run().writesNothing();
        if (state.item().refusal() != null) { // LoadConfig's guardrails: nothing is touched in the account
            Refusal refusal = state.item().refusal();
            return state.withDecision(startedAt, Decision.FAIL, refusal.code(),
                    dryRun ? prefix(state) + "would fail: " + refusal.reason() : refusal.reason(), List.of(), null);
        }
        Optional<String> conflict = required.boundaryConflict(target); // before anything is read in the account
        if (conflict.isPresent()) {
            return state.withDecision(startedAt, Decision.FAIL, ReasonCode.PERMISSIONS_BOUNDARY_CONFLICT,
                    dryRun ? prefix(state) + "would fail: " + conflict.get() : conflict.get(), List.of(), null);
        }
        var session = new TargetConnector.TargetSession(target.account(), target.partition(), target.region(),
                SessionNames.forRun(state.run().runId()));
        try (TargetAccount account = connector.connect(session)) {
            TargetAccount.RegionStatus region = account.regionStatus(target.region());
            if (region != TargetAccount.RegionStatus.ENABLED) {
                throw new RegionNotEnabled(regionProblem(target, region));
            }
            Optional<String> outside = outsideOrganization(account);
            if (outside.isPresent()) {
                return state.withDecision(startedAt, Decision.FAIL, ReasonCode.ACCOUNT_OUTSIDE_ORGANIZATION,
                        outside.get(), List.of(), null);
            }
            if (!dryRun) {
                // Another run's build may be changing the toolkit right now, and a read in the middle of it
                // (say a stack in review beside its new bucket) is no state to decide on: nothing is written
                // or decided until that run gives the lease back. This run keeps it until RecordResult.
                TargetLock.Attempt attempt = lock.acquire(state.run(), target);
                if (!attempt.acquired()) {
                    TargetLock.Lease other = attempt.holder().orElseThrow();
                    return waitOrGiveUp(state, startedAt, now, "run " + other.runId() + " holds the lease of "
                            + target.id() + " (until " + other.expiresAt() + ")",
                            ToolkitObserver.observe(account.toolkit(), target));
                }
            }
            List<String> policyNotes = syncPolicies(account, state, dryRun);
            ObservedToolkit observed = ToolkitObserver.observe(account.toolkit(), target);
            ToolkitDecision.Verdict verdict = ToolkitDecision.decide(observed, target, required);
            if (verdict.code() == ReasonCode.TOOLKIT_LEFTOVERS) {
                // Someone who takes no lease (a person, an older pipeline) may have executed a creation
                // between the stack read and the leftover reads; a second look then finds the stack busy.
                // Found twice, they are foreign: a stack still in review (or still absent) created nothing.
                observed = ToolkitObserver.observe(account.toolkit(), target);
                verdict = ToolkitDecision.decide(observed, target, required);
            }
            if (dryRun) {
                return state.withDecision(startedAt, verdict.decision(), verdict.code(),
                        prefix(state) + dryRunReason(verdict, policyNotes), verdict.untrust(), observed);
            }
            if (verdict.decision() == Decision.WAIT) {
                return waitOrGiveUp(state, startedAt, now, verdict.reason(), observed);
            }
            return state.withDecision(startedAt, verdict.decision(), verdict.code(),
                    withNotes(verdict.reason(), policyNotes), verdict.untrust(), observed);
        }
    }

    /**
     * Why the target's region cannot be used, and the fix for that case: a region the account has not opted in to
     * is enabled; one EC2 does not list for the account is either a name this build's SDK does not know (a typo,
     * or a region newer than the SDK: the plan warned) or a known region this account cannot use.
     */
    static String regionProblem(Target target, TargetAccount.RegionStatus status) {
        String region = target.region();
        String account = target.account();
        if (status == TargetAccount.RegionStatus.NOT_ENABLED) {
            return "region " + region + " is not enabled for account " + account + " (an opt-in region); enable it"
                    + " (aws account enable-region --account-id " + account + " --region-name " + region
                    + ") or remove the target from cdk-app.yml";
        }
        if (!Regions.isKnown(region)) {
            return "region " + region + " does not exist for account " + account + " (EC2 does not list it) and this"
                    + " build's AWS SDK does not know it either: check its spelling in cdk-app.yml";
        }
        return "region " + region + " is not available to account " + account + " (EC2 does not list it, though it is"
                + " a region of partition " + target.partition() + "): use a region the account can use, or remove the"
                + " target from cdk-app.yml";
    }

    /** With an organization: why the account is not a member (its own answer), empty when it is. */
    private Optional<String> outsideOrganization(TargetAccount account) {
        if (organizationId == null) {
            return Optional.empty();
        }
        Optional<String> theirs = account.membership().organization().map(o -> o.id());
        return theirs.filter(organizationId::equals).isPresent() ? Optional.empty()
                : Optional.of("account " + account.membership().accountId() + " says it is in "
                        + theirs.orElse("no organization") + ", not in " + organizationId
                        + "; nothing was changed in it");
    }

    private TargetState waitOrGiveUp(TargetState state, Instant startedAt, Instant now, String why,
            ObservedToolkit observed) {
        if (WaitPolicy.expired(state.waiting(), now, waits.busyBound())) {
            return state.withDecision(startedAt, Decision.FAIL, ReasonCode.TOOLKIT_BUSY, why + "; still busy after "
                    + waits.busyBound().toMinutes() + " minutes of waiting", List.of(), observed);
        }
        return state.withDecision(startedAt, Decision.WAIT, ReasonCode.TOOLKIT_BUSY, why + "; looking again later",
                List.of(), observed).waitingFor(waits.busy(state.waiting(), now));
    }

    private static List<String> syncPolicies(TargetAccount account, TargetState state, boolean dryRun) {
        List<String> notes = new ArrayList<>();
        Target target = state.item().target();
        for (ExecutionPolicy policy : target.executionPolicies()) {
            if (policy.origin().fromFile()) {
                String document = state.item().policyDocuments().get(policy.file());
                if (document == null) {
                    throw new IllegalArgumentException("target " + target.id() + ": no document for policy file "
                            + policy.file() + " in the item");
                }
                var result = ExecutionPolicySync.sync(account.policies(), policy.arn(), document, dryRun);
                if (result.change() != ExecutionPolicySync.Change.UNCHANGED) {
                    notes.add(result.describe(dryRun));
                }
            }
        }
        if (ToolkitRequirements.boundaryFor(null, target).filter(ToolkitRequirements.Boundary::example).isPresent()) {
            ExampleBoundary.ensure(account.policies(), target, dryRun).ifPresent(notes::add);
        }
        return notes;
    }

    /** What a reason that changed nothing starts with: the approval gate's preview is not a dry run. */
    private static String prefix(TargetState state) {
        return state.run().preview() ? "preview: " : "dry run: ";
    }

    private static String dryRunReason(ToolkitDecision.Verdict verdict, List<String> policyNotes) {
        String would = switch (verdict.decision()) {
            case BOOTSTRAP -> "would bootstrap: ";
            case SKIP -> "would skip: ";
            case FAIL -> "would fail: ";
            case WAIT -> "would wait: ";
        };
        return withNotes(would + verdict.reason(), policyNotes);
    }

    private static String withNotes(String reason, List<String> notes) {
        return notes.isEmpty() ? reason : reason + "; " + String.join("; ", notes);
    }
}
