package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static dev.cdkbootstrap.workflow.Fixtures.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings;
import dev.cdkbootstrap.plan.ToolkitSettings.CustomTemplate;
import dev.cdkbootstrap.workflow.ToolkitDecision.Verdict;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A custom bootstrap template (cdk-app.yml's {@code template}) in the decision table: its variant and
 * version take the place of the CDK default variant and the pinned version (docs/workflow.md).
 */
class CustomTemplateDecisionTest {
    private static final String POLICY = Fixtures.policyArn(DEV, "eu-west-1");
    private static final CustomTemplate TEMPLATE = new CustomTemplate("templates/team.yaml", "cd".repeat(32), "Team: Hardened", 40);
    private static final Target WITH_TEMPLATE = Fixtures.withSettings(Fixtures.devTarget(),
            new ToolkitSettings(List.of(), null, null, null, null, null, TEMPLATE));

    private static ObservedToolkit toolkit(String variant, int version) {
        return new ObservedToolkit("UPDATE_COMPLETE", version, Integer.toString(version), variant, "hnb659fds",
                List.of(PIPELINE), List.of(), List.of(POLICY), "", false, false, Map.of(), "AWS_MANAGED_KEY", true, null);
    }

    private static Verdict decide(ObservedToolkit observed, Target target) {
        return ToolkitDecision.decide(observed, target, ToolkitRequirements.pinned(33));
    }

    @Test
    void theTemplatesVariantAtItsVersionIsUpToDate() {
        Verdict verdict = decide(toolkit("Team: Hardened", 40), WITH_TEMPLATE);

        assertThat(verdict.decision()).isEqualTo(Decision.SKIP);
        assertThat(verdict.reason()).isEqualTo("up to date with the plan and the configured template templates/team.yaml"
                + " (version 40): qualifier hnb659fds, trust " + PIPELINE
                + ", execution policy " + POLICY + ", template variant 'Team: Hardened'");
    }

    @Test
    void aToolkitOfTheDefaultVariantIsNotOverwrittenByTheCliSoItFails() {
        Verdict verdict = decide(toolkit(ToolkitObserver.DEFAULT_VARIANT, 33), WITH_TEMPLATE);

        assertThat(verdict.decision()).isEqualTo(Decision.FAIL);
        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_CUSTOM_VARIANT);
        assertThat(verdict.reason()).startsWith("toolkit stack CDKToolkit holds the template variant 'AWS CDK: Default"
                + " Resources', the configured template templates/team.yaml has 'Team: Hardened'")
                .contains("Not overwriting", "cdk-hnb659fds-assets-111111111111-eu-west-1");
    }

    @Test
    void theBucketToDeleteIsNamedByTheQualifierTheStackHoldsNotThePlans() {
        Target t = WITH_TEMPLATE;
        Target otherQualifier = new Target(t.account(), t.region(), t.partition(), t.sources(), t.trust(),
                t.executionPolicies(), "team1", t.toolkitStackName(), t.settings(), t.bootstrapCommand());

        Verdict verdict = decide(toolkit(ToolkitObserver.DEFAULT_VARIANT, 33), otherQualifier);

        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_CUSTOM_VARIANT);
        assertThat(verdict.reason()).contains("cdk-hnb659fds-assets-111111111111-eu-west-1")
                .doesNotContain("cdk-team1-assets");
    }

    @Test
    void withoutATemplateItsVariantIsStillCustom() {
        assertThat(decide(toolkit("Team: Hardened", 40), Fixtures.devTarget()).code()).isEqualTo(ReasonCode.TOOLKIT_CUSTOM_VARIANT);
    }

    @Test
    void olderThanTheTemplateIsOutdatedEvenAbovePinned() {
        Verdict verdict = decide(toolkit("Team: Hardened", 39), WITH_TEMPLATE);

        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_OUTDATED);
        assertThat(verdict.findings()).containsExactly("toolkit version 39 < 40 of the configured template templates/team.yaml");
    }

    @Test
    void newerThanTheTemplateWithOtherSettingsCannotBeChangedByIt() {
        Target moreTrust = new Target(DEV, "eu-west-1", "aws", List.of("pipeline"), List.of(PIPELINE, "222222222222"),
                WITH_TEMPLATE.executionPolicies(), "hnb659fds", "CDKToolkit", WITH_TEMPLATE.settings(), List.of());

        Verdict verdict = decide(toolkit("Team: Hardened", 41), moreTrust);

        assertThat(verdict.code()).isEqualTo(ReasonCode.TOOLKIT_NEWER_THAN_PINNED);
        assertThat(verdict.reason()).startsWith("toolkit version 41 is newer than the configured template templates/team.yaml (40)")
                .contains("raise that template's version");
        assertThat(decide(toolkit("Team: Hardened", 41), WITH_TEMPLATE).code()).as("same settings: nothing to do")
                .isEqualTo(ReasonCode.UP_TO_DATE);
    }
}
