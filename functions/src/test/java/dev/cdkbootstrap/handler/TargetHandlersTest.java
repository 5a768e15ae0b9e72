package dev.cdkbootstrap.handler;

import static dev.cdkbootstrap.handler.HandlerInvocation.ACCOUNT;
import static dev.cdkbootstrap.handler.HandlerInvocation.BUCKET;
import static dev.cdkbootstrap.handler.HandlerInvocation.RUN_FOLDER;
import static dev.cdkbootstrap.handler.HandlerInvocation.event;
import static dev.cdkbootstrap.handler.HandlerInvocation.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.workflow.CheckBootstrapStep;
import dev.cdkbootstrap.workflow.PrepareTargetStep;
import dev.cdkbootstrap.workflow.RecordResultStep;
import dev.cdkbootstrap.workflow.StartBootstrapStep;
import dev.cdkbootstrap.workflow.TargetLock;
import dev.cdkbootstrap.workflow.ToolkitRequirements;
import dev.cdkbootstrap.workflow.VerifyTargetStep;
import dev.cdkbootstrap.workflow.WaitPolicy;
import dev.cdkbootstrap.workflow.inmemory.InMemoryBuilds;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.inmemory.InMemoryTargets;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-target handlers, fed the sample events' raw bytes as the Lambda runtime would. */
class TargetHandlersTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T19:34:02Z"), ZoneOffset.UTC);
    private final WaitPolicy waits = new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(60));
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final TargetLock lock = new TargetLock(store, waits.lease(), clock);

    @Test
    void prepareTargetDecidesForTheSampleTarget() {
        var targets = new InMemoryTargets();
        var handler = new PrepareTargetHandler(new PrepareTargetStep(targets, lock, waits, ToolkitRequirements.pinned(33), null, clock));

        JsonNode out = invoke(handler, event("prepare-target.json"), "PrepareTarget");

        assertThat(out.path("decision").asText()).isEqualTo("BOOTSTRAP");
        assertThat(out.path("reasonCode").asText()).isEqualTo("TOOLKIT_MISSING");
        assertThat(out.path("observed").path("stackStatus").isNull()).isTrue();
        assertThat(out.has("waiting")).isFalse();
        assertThat(out.path("reason").asText()).startsWith("toolkit stack CDKToolkit not found");
        assertThat(out.path("startedAt").asText()).isEqualTo("2026-11-25T19:34:02Z");
        assertThat(out.path("item").path("target").path("account").asText()).isEqualTo(ACCOUNT);
        assertThat(targets.account(ACCOUNT).policies.versions(
                "arn:aws:iam::" + ACCOUNT + ":policy/mlops-cdk-exec-eu-west-1")).isPresent();
    }

    @Test
    void startBootstrapStartsOneBuildAndAddsItToTheState() {
        var builds = new InMemoryBuilds();
        builds.now = Instant.parse("2026-11-25T19:34:02Z");
        var handler = new StartBootstrapHandler(new StartBootstrapStep(builds,
                new StartBootstrapStep.Settings("cdk-bootstrap", "cdk-bootstrap-target", "2.1148.1", null), waits, clock));

        JsonNode out = invoke(handler, event("start-bootstrap.json"), "StartBootstrap");

        assertThat(out.path("build").path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(out.path("deadline").asText()).isEqualTo("2026-11-25T20:34:02Z");
        assertThat(builds.environments.values().iterator().next()).containsEntry("UNTRUST", "");
        assertThat(builds.builds).hasSize(1);
    }

    @Test
    void checkBootstrapReportsTheBuildState() {
        var builds = new InMemoryBuilds();
        String id = builds.start("cdk-bootstrap", Map.of(), "t").id();
        builds.finish(id, BuildStatus.FAILED, "BUILD", Instant.parse("2026-11-25T19:31:00Z"));
        String sample = new String(event("check-bootstrap.json"), StandardCharsets.UTF_8)
                .replace("cdk-bootstrap-orchestrator-bootstrap:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", id);
        var handler = new CheckBootstrapHandler(new CheckBootstrapStep(builds, waits, clock));

        JsonNode out = invoke(handler, sample.getBytes(StandardCharsets.UTF_8), "CheckBootstrap");

        assertThat(out.path("build").path("status").asText()).isEqualTo("FAILED");
        assertThat(out.path("build").path("failedPhase").asText()).isEqualTo("BUILD");
        assertThat(out.has("waiting")).isFalse();
    }

    @Test
    void verifyTargetObservesTheToolkitAfterTheBuild() {
        var targets = new InMemoryTargets();
        targets.account(ACCOUNT).toolkit("CREATE_COMPLETE", List.of("111111111111"),
                List.of("arn:aws:iam::" + ACCOUNT + ":policy/mlops-cdk-exec-eu-west-1"), 33, "33");
        var handler = new VerifyTargetHandler(new VerifyTargetStep(targets, waits, ToolkitRequirements.pinned(33), clock));

        JsonNode out = invoke(handler, event("verify-target.json"), "VerifyTarget");

        assertThat(out.path("verification").path("converged").asBoolean()).isTrue();
        assertThat(out.path("observed").path("stackStatus").asText()).isEqualTo("CREATE_COMPLETE");
        assertThat(out.path("observed").path("version").asInt()).isEqualTo(33);
    }

    @Test
    void recordResultWritesABootstrappedResult() {
        var handler = new RecordResultHandler(new RecordResultStep(store, lock, clock));

        JsonNode out = invoke(handler, event("record-result.json"), "RecordResult");

        assertThat(out.path("outcome").asText()).isEqualTo("BOOTSTRAPPED");
        assertThat(out.path("reasonCode").asText()).isEqualTo("TOOLKIT_MISSING");
        assertThat(out.path("observed").path("version").asInt()).isEqualTo(33);
        assertThat(out.path("durationSeconds").asLong()).isEqualTo(158); // startedAt 19:31:02 to the build's end 19:33:40
        assertThat(store.text(BUCKET, RUN_FOLDER + "results/" + ACCOUNT + "-eu-west-1.json"))
                .isPresent();
    }

    @Test
    void recordResultTurnsACaughtErrorIntoAFailedResult() {
        var handler = new RecordResultHandler(new RecordResultStep(store, lock, clock));

        JsonNode out = invoke(handler, event("record-result-error.json"), "RecordResult");

        assertThat(out.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(out.path("reason").asText()).startsWith("TargetAccessDenied: cannot assume");
    }

    @Test
    void anUnknownFieldInOurPayloadIsRejectedByName() {
        var handler = new RecordResultHandler(new RecordResultStep(store, lock, clock));
        byte[] typo = new String(event("record-result.json"), StandardCharsets.UTF_8)
                .replace("\"decision\"", "\"decison\"").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> invoke(handler, typo, "RecordResult"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"decison\"");
    }
}
