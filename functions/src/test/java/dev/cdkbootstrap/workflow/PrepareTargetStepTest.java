package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static dev.cdkbootstrap.workflow.Fixtures.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.workflow.error.RegionNotEnabled;
import dev.cdkbootstrap.workflow.error.TargetAccessDenied;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.inmemory.InMemoryTargets;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.RunRef;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrepareTargetStepTest {
    private static final Instant NOW = Fixtures.START;
    private static final WaitPolicy WAITS = new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30));
    private final InMemoryTargets targets = new InMemoryTargets();
    private final InMemoryTargets.Account dev = targets.account(DEV);
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final String policyArn = Fixtures.policyArn(DEV, "eu-west-1");

    private PrepareTargetStep stepAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new PrepareTargetStep(targets, new TargetLock(store, WAITS.lease(), clock), WAITS, ToolkitRequirements.pinned(33), null, clock);
    }

    private TargetState prepare(boolean dryRun) {
        return stepAt(NOW).run(Fixtures.state(Fixtures.devTarget(), dryRun));
    }

    @Test
    void aTargetWithoutToolkitStackNeedsABootstrapAndTakesTheLease() {
        TargetState result = prepare(false);

        assertThat(result.decision()).isEqualTo(Decision.BOOTSTRAP);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_MISSING);
        assertThat(result.reason()).startsWith("toolkit stack CDKToolkit not found");
        assertThat(result.startedAt()).isEqualTo(NOW);
        assertThat(result.observed().stackExists()).isFalse();
        assertThat(result.waiting()).isNull();
        assertThat(store.text("config-bucket", "locks/111111111111-eu-west-1-CDKToolkit.json")).get().asString()
                .contains("\"runId\":\"run-1\"");
    }

    @Test
    void anUpToDateTargetIsSkippedWithWhatWasObserved() {
        dev.toolkit("UPDATE_COMPLETE", List.of(PIPELINE), List.of(policyArn), 33, "33");
        prepare(false); // creates the policy first

        TargetState result = prepare(false);

        assertThat(result.decision()).isEqualTo(Decision.SKIP);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.UP_TO_DATE);
        assertThat(result.observed().version()).isEqualTo(33);
        assertThat(result.observed().trust()).containsExactly(PIPELINE);
        assertThat(store.text("config-bucket", TargetLock.key(Fixtures.devTarget()))).as("decided under the lease")
                .get().asString().contains("\"runId\":\"run-1\"");
    }

    @Test
    void deployedTrustThePlanDropsTravelsAsUntrust() {
        dev.toolkit("CREATE_COMPLETE", List.of(PIPELINE, "888888888888"), List.of(policyArn), 33, "33");

        TargetState result = prepare(false);

        assertThat(result.reasonCode()).isEqualTo(ReasonCode.SETTINGS_DIFFER);
        assertThat(result.untrust()).containsExactly("888888888888");
    }

    @Test
    void aStackInProgressIsWaitedForWithTheBusyInterval() {
        dev.toolkit("UPDATE_IN_PROGRESS", List.of(PIPELINE), List.of(policyArn), 33, "33");

        TargetState result = prepare(false);

        assertThat(result.decision()).isEqualTo(Decision.WAIT);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_BUSY);
        assertThat(result.waiting().since()).isEqualTo(NOW);
        assertThat(result.waiting().seconds()).isEqualTo(30);
    }

    @Test
    void aStackStillBusyAfterTheBoundFailsAsBusy() {
        dev.toolkit("UPDATE_IN_PROGRESS", List.of(PIPELINE), List.of(policyArn), 33, "33");
        TargetState waiting = prepare(false);

        TargetState result = stepAt(NOW.plus(WAITS.busyBound()).plusSeconds(1)).run(waiting);

        assertThat(result.decision()).isEqualTo(Decision.FAIL);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_BUSY);
        assertThat(result.reason()).contains("still busy after 100 minutes");
        assertThat(result.waiting()).isNull();
    }

    @Test
    void aStackThatSettledWhileWaitingIsDecidedAgain() {
        dev.toolkit("UPDATE_IN_PROGRESS", List.of(PIPELINE), List.of(policyArn), 33, "33");
        TargetState waiting = prepare(false);
        dev.toolkit("UPDATE_COMPLETE", List.of(PIPELINE), List.of(policyArn), 33, "33");

        TargetState result = stepAt(NOW.plusSeconds(30)).run(waiting);

        assertThat(result.decision()).isEqualTo(Decision.SKIP);
        assertThat(result.waiting()).isNull();
        assertThat(result.startedAt()).isEqualTo(NOW);
    }

    @Test
    void anotherRunsLeaseMakesThisRunWaitAndThenDecideAgain() {
        RunRef other = new RunRef("run-0", false, "config-bucket", "runs/run-0/");
        new TargetLock(store, WAITS.lease(), Clock.fixed(NOW, ZoneOffset.UTC)).acquire(other, Fixtures.devTarget());

        TargetState waiting = prepare(false);

        assertThat(waiting.decision()).isEqualTo(Decision.WAIT);
        assertThat(waiting.reason()).contains("run run-0 holds the lease of 111111111111/eu-west-1");
        // run-0 bootstrapped the target and gave the lease back
        new TargetLock(store, WAITS.lease(), Clock.fixed(NOW, ZoneOffset.UTC)).release(other, Fixtures.devTarget());
        dev.toolkit("UPDATE_COMPLETE", List.of(PIPELINE), List.of(policyArn), 33, "33");

        TargetState result = stepAt(NOW.plusSeconds(60)).run(waiting);

        assertThat(result.decision()).isEqualTo(Decision.SKIP);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.UP_TO_DATE);
    }

    @Test
    void aDeletedToolkitWhoseStagingBucketWasRetainedFailsBeforeABuildWouldCollideWithIt() {
        dev.buckets.add("cdk-hnb659fds-assets-111111111111-eu-west-1");

        TargetState result = prepare(false);

        assertThat(result.decision()).isEqualTo(Decision.FAIL);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_LEFTOVERS);
        assertThat(result.observed().leftovers()).containsExactly("S3 bucket cdk-hnb659fds-assets-111111111111-eu-west-1");
    }

    @Test
    void aFailRowIsDecidedUnderTheLeaseThatRecordResultGivesBack() {
        dev.toolkit("UPDATE_ROLLBACK_FAILED", List.of(PIPELINE), List.of(policyArn), 33, "33");

        TargetState result = prepare(false);

        assertThat(result.decision()).isEqualTo(Decision.FAIL);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_NEEDS_OPERATOR);
        assertThat(store.keys()).contains("config-bucket/" + TargetLock.key(Fixtures.devTarget()));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        new RecordResultStep(store, new TargetLock(store, WAITS.lease(), clock), clock).run(result);
        assertThat(store.keys()).noneMatch(key -> key.contains("locks/"));
    }

    @Test
    void theExecutionPolicyIsCreatedFromItsFile() {
        TargetState result = prepare(false);

        assertThat(dev.policies.defaultDocument(policyArn)).isEqualTo(Fixtures.POLICY_DOC);
        assertThat(result.reason()).contains("created execution policy mlops-cdk-exec-eu-west-1");
    }

    @Test
    void aDryRunWritesNothingTakesNoLeaseAndSaysWhatItWouldDo() {
        TargetState result = prepare(true);

        assertThat(dev.policies.writes).isZero();
        assertThat(store.keys()).isEmpty();
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_MISSING);
        assertThat(result.reason()).isEqualTo("dry run: would bootstrap: toolkit stack CDKToolkit not found; "
                + "would create execution policy mlops-cdk-exec-eu-west-1");
    }

    @Test
    void aDryRunDoesNotWaitForABusyToolkit() {
        dev.toolkit("UPDATE_IN_PROGRESS", List.of(PIPELINE), List.of(policyArn), 33, "33");

        TargetState result = prepare(true);

        assertThat(result.waiting()).isNull();
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_BUSY);
        assertThat(result.reason()).startsWith("dry run: would wait: toolkit stack CDKToolkit is UPDATE_IN_PROGRESS");
    }

    @Test
    void aRegionNotEnabledForTheAccountFailsWithoutWriting() {
        dev.disabledRegions.add("eu-west-1");

        assertThatThrownBy(() -> prepare(false)).isInstanceOf(RegionNotEnabled.class)
                .hasMessageContaining("eu-west-1").hasMessageContaining(DEV);
        assertThat(dev.policies.writes).isZero();
    }

    @Test
    void aRoleThatCannotBeAssumedIsAccessDenied() {
        targets.deniedAccounts.add(DEV);

        assertThatThrownBy(() -> prepare(false)).isInstanceOf(TargetAccessDenied.class);
    }

    @Test
    void oneSessionPerTargetNamedAfterTheRunAndClosedAfterwards() {
        prepare(false);

        assertThat(targets.sessions).hasSize(1);
        assertThat(targets.sessions.get(0).sessionName()).isEqualTo("bootstrap-run-1");
        assertThat(targets.sessions.get(0).partition()).isEqualTo("aws");
        assertThat(targets.openSessions).isZero();
    }

    @Test
    void aTargetRefusedByTheGuardrailsFailsWithoutAnyCallInItsAccount() {
        var refused = new dev.cdkbootstrap.workflow.model.Refusal(ReasonCode.TRUST_OUTSIDE_ORGANIZATION, "would trust 888888888888");
        var state = TargetState.of(Fixtures.run(false), new dev.cdkbootstrap.workflow.model.TargetItem(Fixtures.devTarget(),
                java.util.Map.of(), refused));

        TargetState result = stepAt(NOW).run(state);

        assertThat(result.decision()).isEqualTo(Decision.FAIL);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.TRUST_OUTSIDE_ORGANIZATION);
        assertThat(result.reason()).isEqualTo("would trust 888888888888");
        assertThat(targets.sessions).isEmpty();
    }

    @Test
    void withAnOrganizationATargetAccountThatSaysItIsElsewhereFailsBeforeAnyChange() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        var step = new PrepareTargetStep(targets, new TargetLock(store, WAITS.lease(), clock), WAITS, ToolkitRequirements.pinned(33), "o-abcdefghij",
                clock);
        dev.organization = new dev.cdkbootstrap.workflow.port.OrganizationMembership.Organization("o-otherorgxx",
                "100000000000");

        TargetState result = step.run(Fixtures.state(Fixtures.devTarget(), false));

        assertThat(result.decision()).isEqualTo(Decision.FAIL);
        assertThat(result.reasonCode()).isEqualTo(ReasonCode.ACCOUNT_OUTSIDE_ORGANIZATION);
        assertThat(result.reason()).startsWith("account 111111111111 says it is in o-otherorgxx, not in o-abcdefghij");
        assertThat(dev.policies.arns()).isEmpty();

        dev.organization = new dev.cdkbootstrap.workflow.port.OrganizationMembership.Organization("o-abcdefghij",
                "100000000000");
        assertThat(step.run(Fixtures.state(Fixtures.devTarget(), false)).decision()).isEqualTo(Decision.BOOTSTRAP);
    }
}
