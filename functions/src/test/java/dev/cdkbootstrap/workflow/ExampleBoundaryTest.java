package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.inmemory.InMemoryTargets;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** permissions_boundary: cdk-example: PrepareTarget creates the CDK's example boundary when it is missing. */
class ExampleBoundaryTest {
    private static final String ARN = "arn:aws:iam::" + DEV + ":policy/cdk-hnb659fds-permissions-boundary";
    private final InMemoryTargets targets = new InMemoryTargets();
    private final Target target = Fixtures.withSettings(Fixtures.devTarget(),
            new ToolkitSettings(List.of(), "cdk-example", null, null, null, null, null));

    private TargetState prepare(boolean dryRun) {
        Clock clock = Clock.fixed(Fixtures.START, ZoneOffset.UTC);
        WaitPolicy waits = new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30));
        return new PrepareTargetStep(targets, new TargetLock(new InMemoryObjectStore(), waits.lease(), clock), waits,
                ToolkitRequirements.pinned(33), null, clock).run(Fixtures.state(target, dryRun));
    }

    @Test
    void aMissingExampleBoundaryIsCreatedWithTheClisDocumentOnce() throws Exception {
        TargetState first = prepare(false);

        assertThat(first.reasonCode()).isEqualTo(ReasonCode.TOOLKIT_MISSING);
        assertThat(first.reason()).contains("created the CDK example permissions boundary cdk-hnb659fds-permissions-boundary");
        var document = Json.strict().readTree(targets.account(DEV).policies.defaultDocument(ARN));
        assertThat(document.path("Statement")).extracting(s -> s.path("Sid").asText()).containsExactly("ExplicitAllowAll",
                "DenyAccessIfRequiredPermBoundaryIsNotBeingApplied", "DenyPermBoundaryIAMPolicyAlteration",
                "DenyRemovalOfPermBoundaryFromAnyUserOrRole");
        assertThat(document.path("Statement").get(1).path("Condition").path("StringNotEquals")
                .path("iam:PermissionsBoundary").asText()).isEqualTo(ARN);
        int writes = targets.account(DEV).policies.writes;

        assertThat(prepare(false).reason()).doesNotContain("example permissions boundary");
        assertThat(targets.account(DEV).policies.writes).as("an existing one is never changed").isEqualTo(writes);
    }

    @Test
    void aDryRunOnlySaysItWouldCreateIt() {
        assertThat(prepare(true).reason()).contains("would create the CDK example permissions boundary");
        assertThat(targets.account(DEV).policies.arns()).doesNotContain(ARN);
    }
}
