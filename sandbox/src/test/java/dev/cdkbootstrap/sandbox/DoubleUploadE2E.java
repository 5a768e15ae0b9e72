package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two runs reaching the same targets at once (the config uploaded twice, a second apart) never fail
 * a target: the second waits for the first's lease, then finds the toolkit up to date. Real builds.
 * When the first run's LoadConfig comes after the second upload (a slow machine), the first run is
 * superseded instead (docs/contracts.md, "Execution input"): it plans nothing and the second builds.
 */
class DoubleUploadE2E {

    @Test
    void twoRunsAtOnceFailNoTargetAndBuildEachTargetOnce() throws Exception {
        // "never fails it" is promised with ToolkitBusyWaitMinutes at its default (0: as long as a lease can
        // last, docs/workflow.md); the sandbox's 2 minutes are shorter than two queued real builds on a busy machine
        try (var session = E2ESupport.open("double-upload", "--config", E2ESupport.sample("single-set.yml").toString(),
                "--double-upload", "--parameter", "ToolkitBusyWaitMinutes=0")) {
            RunOutcome first = session.run(0);
            RunOutcome second = session.run(1);
            assertThat(first.succeeded()).as(first.toString()).isTrue();
            assertThat(second.succeeded()).as(second.toString()).isTrue();
            Map<String, JsonNode> b = E2ESupport.targets(second);
            if (first.report().orElseThrow().path("config").path("superseded").asBoolean()) {
                System.out.println("DoubleUploadE2E: the first run read the config after the second upload: superseded");
                assertThat(first.report().orElseThrow().path("counts").path("planned").asInt()).isZero();
                assertThat(b.values()).isNotEmpty()
                        .allSatisfy(t -> assertThat(t.path("outcome").asText()).isEqualTo("BOOTSTRAPPED"));
            } else {
                Map<String, JsonNode> a = E2ESupport.targets(first);
                assertThat(a.keySet()).isEqualTo(b.keySet());
                for (String target : a.keySet()) {
                    String outcomeA = a.get(target).path("outcome").asText();
                    String outcomeB = b.get(target).path("outcome").asText();
                    assertThat(java.util.List.of(outcomeA, outcomeB)).as(target)
                            .containsExactlyInAnyOrder("BOOTSTRAPPED", "SKIPPED");
                    JsonNode skipped = outcomeA.equals("SKIPPED") ? a.get(target) : b.get(target);
                    assertThat(skipped.path("reasonCode").asText()).isEqualTo("UP_TO_DATE");
                    // it waited for the other run's build (several seconds here) before it decided again
                    assertThat(skipped.path("durationSeconds").asLong()).as(target + " waited").isGreaterThanOrEqualTo(4);
                }
            }
            assertThat(session.buildsStarted()).as("one build per target").isEqualTo(b.size());
            String bucket = session.session().deployment().configBucket();
            assertThat(session.session().sandbox().clients().s3()
                    .listObjectsV2(r -> r.bucket(bucket).prefix("locks/")).keyCount()).isZero();
        }
    }
}
