package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static dev.cdkbootstrap.workflow.Fixtures.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.workflow.error.RegionNotEnabled;
import dev.cdkbootstrap.workflow.error.TargetAccessDenied;
import dev.cdkbootstrap.workflow.error.TargetNotReady;
import dev.cdkbootstrap.workflow.inmemory.InMemoryTargets;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.TargetState;
import dev.cdkbootstrap.workflow.port.ToolkitInspector.StackState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrepareTargetStepTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final InMemoryTargets targets = new InMemoryTargets();
    private final InMemoryTargets.Account dev = targets.account(DEV);
    private final PrepareTargetStep step = new PrepareTargetStep(targets, 33, Clock.fixed(NOW, ZoneOffset.UTC));
    private final String policyArn = Fixtures.policyArn(DEV, "eu-west-1");

    private void deployedToolkit(String status, String trust, String policies, String version) {
        dev.stacks.put("CDKToolkit", new StackState(status,
                Map.of("TrustedAccounts", trust, "CloudFormationExecutionPolicies", policies)));
        dev.parameters.put("/cdk-bootstrap/hnb659fds/version", version);
    }

    private TargetState prepare(boolean dryRun) {
        return step.run(Fixtures.state(Fixtures.devTarget(), dryRun));
    }

    @Test
    void aTargetWithoutToolkitStackNeedsABootstrap() {
        TargetState result = prepare(false);

        assertThat(result.decision()).isEqualTo(Decision.BOOTSTRAP);
        assertThat(result.reason()).startsWith("toolkit stack CDKToolkit not found");
        assertThat(result.startedAt()).isEqualTo(NOW);
    }

    @Test
    void anUpToDateTargetIsSkipped() {
        deployedToolkit("UPDATE_COMPLETE", PIPELINE, policyArn, "33");
        prepare(false); // creates the policy first

        TargetState result = prepare(false);

        assertThat(result.decision()).isEqualTo(Decision.SKIP);
        assertThat(result.reason()).isEqualTo("up to date");
    }

    @Test
    void anOlderBootstrapVersionNeedsABootstrapAndSaysWhichVersions() {
        deployedToolkit("CREATE_COMPLETE", PIPELINE, policyArn, "30");

        assertThat(prepare(false).reason()).contains("bootstrap version 30 < 33");
    }

    @Test
    void differentTrustNeedsABootstrapAndNamesBothLists() {
        deployedToolkit("CREATE_COMPLETE", "222222222222", policyArn, "33");

        TargetState result = prepare(false);

        assertThat(result.decision()).isEqualTo(Decision.BOOTSTRAP);
        assertThat(result.reason()).contains("trust differs: deployed [222222222222] wanted [" + PIPELINE + "]");
    }

    @Test
    void differentExecutionPoliciesNeedABootstrap() {
        deployedToolkit("CREATE_COMPLETE", PIPELINE, "arn:aws:iam::aws:policy/AdministratorAccess", "33");

        assertThat(prepare(false).reason()).contains("execution policies differs");
    }

    @Test
    void aStackInProgressIsNotReady() {
        deployedToolkit("UPDATE_IN_PROGRESS", PIPELINE, policyArn, "33");

        assertThatThrownBy(() -> prepare(false)).isInstanceOf(TargetNotReady.class)
                .hasMessageContaining("UPDATE_IN_PROGRESS");
    }

    @Test
    void theExecutionPolicyIsCreatedFromItsFile() {
        TargetState result = prepare(false);

        assertThat(dev.policies.defaultDocument(policyArn)).isEqualTo(Fixtures.POLICY_DOC);
        assertThat(result.reason()).contains("created execution policy mlops-cdk-cdk-exec-eu-west-1");
    }

    @Test
    void aDryRunWritesNothingAndSaysWhatItWouldDo() {
        TargetState result = prepare(true);

        assertThat(dev.policies.writes).isZero();
        assertThat(result.reason()).isEqualTo("dry run: would bootstrap: toolkit stack CDKToolkit not found; "
                + "would create execution policy mlops-cdk-cdk-exec-eu-west-1");
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
}
