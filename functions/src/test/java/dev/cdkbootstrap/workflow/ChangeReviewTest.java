package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static dev.cdkbootstrap.workflow.Fixtures.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.TargetChange;
import dev.cdkbootstrap.workflow.model.TargetResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Under trust-widening, what widens besides trust: lookup trust, a custom template, a public access block turned off. */
class ChangeReviewTest {
    private static final ObservedToolkit DEPLOYED = Fixtures.devUpToDate(); // public access block on, no lookup trust

    private static Target with(ToolkitSettings settings) {
        return Fixtures.withSettings(Fixtures.devTarget(), settings);
    }

    private static ToolkitSettings settings(List<String> lookup, Boolean publicAccessBlock,
            ToolkitSettings.CustomTemplate template) {
        return new ToolkitSettings(lookup, null, null, null, null, publicAccessBlock, template);
    }

    private static String why(Target target, ObservedToolkit observed) {
        TargetResult preview = new TargetResult(DEV, "eu-west-1", Outcome.PLANNED, ReasonCode.SETTINGS_DIFFER,
                "preview: would bootstrap: ...", null, null, null, null, null, observed);
        return ChangeReview.review(target, preview, 33, "trust-widening").map(TargetChange::approvalNeeded).orElseThrow();
    }

    @Test
    void aNewLookupTrustNeedsApproval() {
        assertThat(why(with(settings(List.of("222222222222"), null, null)), DEPLOYED))
                .isEqualTo("lookup trust widens to 222222222222");
    }

    @Test
    void aCustomTemplateNeedsApprovalForItMayGrantAnything() {
        var template = new ToolkitSettings.CustomTemplate("templates/bootstrap.yaml", "ab".repeat(32), "Team", 40);

        assertThat(why(with(settings(List.of(), null, template)), DEPLOYED))
                .isEqualTo("the custom bootstrap template templates/bootstrap.yaml is deployed (a template may grant"
                        + " anything: review it)");
    }

    @Test
    void turningThePublicAccessBlockOffNeedsApprovalLeavingItOffDoesNot() {
        assertThat(why(with(settings(List.of(), false, null)), DEPLOYED))
                .isEqualTo("the staging bucket's public access block is turned off");
        ObservedToolkit alreadyOff = new ObservedToolkit(DEPLOYED.stackStatus(), 33, "33", DEPLOYED.variant(),
                DEPLOYED.qualifier(), List.of(PIPELINE), List.of(), DEPLOYED.executionPolicies(), "", false, false,
                DEPLOYED.tags(), DEPLOYED.kmsKey(), false, null);
        assertThat(ChangeReview.review(with(settings(List.of(), false, null)), new TargetResult(DEV, "eu-west-1",
                Outcome.PLANNED, ReasonCode.SETTINGS_DIFFER, "preview: would bootstrap: ...", null, null, null, null,
                null, alreadyOff), 33, "trust-widening").orElseThrow().approvalNeeded()).isNull();
    }

    @Test
    void lookupTrustAlreadyDeployedDoesNotNeedApproval() {
        ObservedToolkit looking = Fixtures.withBasics(DEPLOYED, DEPLOYED.variant(), DEPLOYED.qualifier(), 33, "33",
                List.of(PIPELINE), List.of("222222222222"), DEPLOYED.executionPolicies());

        assertThat(ChangeReview.review(with(settings(List.of("222222222222"), null, null)), new TargetResult(DEV,
                "eu-west-1", Outcome.PLANNED, ReasonCode.SETTINGS_DIFFER, "preview: would bootstrap: ...", null, null,
                null, null, null, looking), 33, "trust-widening").orElseThrow().approvalNeeded()).isNull();
    }
}
