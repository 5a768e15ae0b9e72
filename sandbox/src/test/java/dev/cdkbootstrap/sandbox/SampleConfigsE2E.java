package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.plan.ExecutionPolicy;
import dev.cdkbootstrap.plan.Target;
import java.util.List;
import java.util.Map;
import dev.cdkbootstrap.workflow.WarningGroups;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared samples, end to end: every target BOOTSTRAPPED with the plan's trust and execution
 * policies in its toolkit stack and the bootstrap version in SSM; uploading the same file again
 * skips every target with a reason and starts no build.
 */
class SampleConfigsE2E {

    @ParameterizedTest
    @ValueSource(strings = {"single-set.yml", "two-sets-cross-region.yml"})
    void everyTargetIsBootstrappedThenSkippedOnARerun(String sample) throws Exception {
        try (var session = E2ESupport.open("sample-" + sample, "--config", E2ESupport.sample(sample).toString(), "--rerun")) {
            var plan = session.session().config().plan().orElseThrow();
            Map<String, JsonNode> first = E2ESupport.targets(session.run(0));
            assertThat(first).hasSize(plan.targets().size());
            assertThat(first.values()).allSatisfy(t -> assertThat(t.path("outcome").asText()).as(t.toString()).isEqualTo("BOOTSTRAPPED"));
            assertThat(session.run(0).report().orElseThrow().path("counts").path("bootstrapped").asInt()).isEqualTo(plan.targets().size());
            for (Target target : plan.targets()) {
                assertThat(session.bootstrapVersion(target.account(), target.region())).isEqualTo("33");
                assertThat(session.stackParameter(target.account(), target.region(), "TrustedAccounts"))
                        .isEqualTo(String.join(",", target.trust()));
                assertThat(session.stackParameter(target.account(), target.region(), "CloudFormationExecutionPolicies"))
                        .isEqualTo(target.executionPolicies().stream().map(ExecutionPolicy::arn).collect(Collectors.joining(",")));
            }
            int buildsOfFirstRun = plan.targets().size();
            // No policy files beside the samples: the AdministratorAccess fallback is said out loud.
            assertThat(session.run(0).warnings()).hasSize(plan.warnings().size()).isNotEmpty();
            // one line per kind of warning, with its count (each one is in report.md)
            List<String> grouped = WarningGroups.of(plan.warnings()).stream()
                    .map(g -> "  " + g.line("warning", "each in report.md")).toList();
            assertThat(grouped).hasSize(1).first().asString().startsWith("  warning (x" + plan.warnings().size() + "): ");
            assertThat(session.printed().lines().filter(l -> l.startsWith("  warning")).limit(grouped.size()).toList())
                    .isEqualTo(grouped);

            Map<String, JsonNode> second = E2ESupport.targets(session.run(1));
            assertThat(second.values()).allSatisfy(t -> {
                assertThat(t.path("outcome").asText()).isEqualTo("SKIPPED");
                assertThat(t.path("reason").asText()).isNotBlank();
            });
            assertThat(session.buildsStarted()).as("the rerun starts no build").isEqualTo(buildsOfFirstRun);
            assertThat(session.run(1).succeeded()).isTrue();
        }
    }
}
