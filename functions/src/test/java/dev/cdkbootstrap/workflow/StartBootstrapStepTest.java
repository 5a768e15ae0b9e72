package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.workflow.error.BuildThrottled;
import dev.cdkbootstrap.workflow.inmemory.InMemoryBuilds;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartBootstrapStepTest {
    private static final Instant NOW = Fixtures.START;
    private static final WaitPolicy WAITS = new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30));
    private final InMemoryBuilds builds = new InMemoryBuilds();

    private StartBootstrapStep stepAt(Instant now) {
        return stepAt(now, null);
    }

    private StartBootstrapStep stepAt(Instant now, String permissionsBoundary) {
        return new StartBootstrapStep(builds, new StartBootstrapStep.Settings("bootstrap-project",
                "CdkBootstrapTargetRole", "2.1148.1", permissionsBoundary), WAITS, Clock.fixed(now, ZoneOffset.UTC));
    }

    private TargetState toBootstrap() {
        return Fixtures.state(Fixtures.devTarget(), false).withDecision(NOW, Decision.BOOTSTRAP,
                ReasonCode.SETTINGS_DIFFER, "trust differs", List.of("888888888888", "777777777777"), null);
    }

    @Test
    void startsABuildWhoseDeadlineRunsFromWhenItStartsRunning() {
        TargetState result = stepAt(NOW).run(toBootstrap());

        assertThat(result.build().id()).isEqualTo("bootstrap-project:build-1");
        assertThat(result.build().status()).isEqualTo(BuildStatus.IN_PROGRESS);
        assertThat(result.build().logsUrl()).isNotBlank();
        assertThat(result.build().runningSince()).isEqualTo(builds.now);
        assertThat(result.deadline()).isEqualTo(builds.now.plus(Duration.ofMinutes(30)));
        assertThat(result.waiting()).isNull();
        assertThat(result.decision()).isEqualTo(Decision.BOOTSTRAP);
    }

    @Test
    void aQueuedBuildHasNoDeadlineYet() {
        builds.concurrentLimit = 0;

        TargetState result = stepAt(NOW).run(toBootstrap());

        assertThat(result.build().runningSince()).isNull();
        assertThat(result.deadline()).isNull();
    }

    @Test
    void theBuildGetsOnlyNamesAndIdsOfTheTargetAndTheAccountsToUntrust() {
        String id = stepAt(NOW).run(toBootstrap()).build().id();

        assertThat(builds.environments.get(id)).containsOnlyKeys("TARGET_ACCOUNT", "TARGET_REGION",
                "TARGET_PARTITION", "TARGET_ROLE_NAME", "TRUST", "UNTRUST", "EXECUTION_POLICIES", "QUALIFIER",
                "TOOLKIT_STACK_NAME", "CDK_VERSION", "TRUST_FOR_LOOKUP", "PERMISSIONS_BOUNDARY",
                "EXAMPLE_PERMISSIONS_BOUNDARY", "PERMISSIONS_BOUNDARY_ALL_ROLES", "TERMINATION_PROTECTION", "TAGS", "KMS_KEY",
                "PUBLIC_ACCESS_BLOCK", "TEMPLATE_S3_URI", "TEMPLATE_PATH")
                .containsEntry("TARGET_ACCOUNT", Fixtures.DEV)
                .containsEntry("TRUST", Fixtures.PIPELINE)
                .containsEntry("UNTRUST", "888888888888,777777777777")
                .containsEntry("EXECUTION_POLICIES", Fixtures.policyArn(Fixtures.DEV, "eu-west-1"))
                .containsEntry("TARGET_ROLE_NAME", "CdkBootstrapTargetRole")
                .containsEntry("CDK_VERSION", "2.1148.1")
                .containsEntry("PERMISSIONS_BOUNDARY", "")
                .containsEntry("TAGS", "").containsEntry("TEMPLATE_S3_URI", ""); // nothing beyond the basics managed
    }

    @Test
    void theDeploymentsPermissionsBoundaryTravelsByNameToEveryBuild() {
        String id = stepAt(NOW, "cdk-guardrail").run(toBootstrap()).build().id();

        assertThat(builds.environments.get(id)).containsEntry("PERMISSIONS_BOUNDARY", "cdk-guardrail")
                .containsEntry("PERMISSIONS_BOUNDARY_ALL_ROLES", "true");
    }

    @Test
    void aRetriedStepGetsTheSameBuild() {
        String first = stepAt(NOW).run(toBootstrap()).build().id();
        String second = stepAt(NOW).run(toBootstrap()).build().id();

        assertThat(second).isEqualTo(first);
        assertThat(builds.builds).hasSize(1);
    }

    @Test
    void theIdempotencyTokenIsSha256OfRunAccountAndRegion() {
        // printf 'run-1|111111111111|eu-west-1' | sha256sum
        assertThat(StartBootstrapStep.idempotencyToken("run-1", Fixtures.devTarget()))
                .isEqualTo("19da23408a16f332af4e61ce75ee2c6e5f07d7b448f2b68af96cdf30565cfcbe");
    }

    @Test
    void aFullQueueIsWaitedOutNotFailed() {
        builds.concurrentLimit = 0;
        builds.queueLimit = 0;

        TargetState result = stepAt(NOW).run(toBootstrap());

        assertThat(result.build()).isNull();
        assertThat(result.waiting().since()).isEqualTo(NOW);
        assertThat(result.waiting().seconds()).isBetween(30, 45);
    }

    @Test
    void aQueueThatDrainsWhileWaitingStartsTheBuild() {
        builds.concurrentLimit = 0;
        builds.queueLimit = 0;
        TargetState waiting = stepAt(NOW).run(toBootstrap());
        builds.concurrentLimit = 1;

        TargetState result = stepAt(NOW.plusSeconds(600)).run(waiting);

        assertThat(result.build().id()).isNotNull();
        assertThat(result.waiting()).isNull();
    }

    @Test
    void refusedForLongerThanTheBoundIsThrottled() {
        builds.concurrentLimit = 0;
        builds.queueLimit = 0;
        TargetState waiting = stepAt(NOW).run(toBootstrap());

        assertThatThrownBy(() -> stepAt(NOW.plus(WAITS.startBound()).plusSeconds(1)).run(waiting))
                .isInstanceOf(BuildThrottled.class).hasMessageContaining("for more than 30 minutes");
    }
}
