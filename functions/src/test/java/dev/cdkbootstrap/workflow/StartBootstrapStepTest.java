package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.workflow.error.BuildThrottled;
import dev.cdkbootstrap.workflow.inmemory.InMemoryBuilds;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StartBootstrapStepTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final InMemoryBuilds builds = new InMemoryBuilds();
    private final StartBootstrapStep step = new StartBootstrapStep(builds,
            new StartBootstrapStep.Settings("bootstrap-project", "CdkBootstrapTargetRole", "2.1148.1",
                    Duration.ofMinutes(30)), Clock.fixed(NOW, ZoneOffset.UTC));

    private TargetState toBootstrap() {
        return Fixtures.state(Fixtures.devTarget(), false).withDecision(NOW, Decision.BOOTSTRAP, "not found");
    }

    @Test
    void startsABuildInProgressWithADeadline() {
        TargetState result = step.run(toBootstrap());

        assertThat(result.build().id()).isEqualTo("bootstrap-project:build-1");
        assertThat(result.build().status()).isEqualTo(BuildStatus.IN_PROGRESS);
        assertThat(result.build().logsUrl()).isNotBlank();
        assertThat(result.deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(result.decision()).isEqualTo(Decision.BOOTSTRAP);
    }

    @Test
    void theBuildGetsOnlyNamesAndIdsOfTheTarget() {
        String id = step.run(toBootstrap()).build().id();

        assertThat(builds.environments.get(id)).containsOnlyKeys("TARGET_ACCOUNT", "TARGET_REGION",
                "TARGET_PARTITION", "TARGET_ROLE_NAME", "TRUST", "EXECUTION_POLICIES", "QUALIFIER",
                "TOOLKIT_STACK_NAME", "CDK_VERSION")
                .containsEntry("TARGET_ACCOUNT", Fixtures.DEV)
                .containsEntry("TRUST", Fixtures.PIPELINE)
                .containsEntry("EXECUTION_POLICIES", Fixtures.policyArn(Fixtures.DEV, "eu-west-1"))
                .containsEntry("TARGET_ROLE_NAME", "CdkBootstrapTargetRole")
                .containsEntry("CDK_VERSION", "2.1148.1");
    }

    @Test
    void aRetriedStepGetsTheSameBuild() {
        String first = step.run(toBootstrap()).build().id();
        String second = step.run(toBootstrap()).build().id();

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
    void theConcurrentBuildLimitIsThrottled() {
        builds.concurrentLimit = 0;

        assertThatThrownBy(() -> step.run(toBootstrap())).isInstanceOf(BuildThrottled.class);
    }
}
