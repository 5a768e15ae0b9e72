package dev.cdkbootstrap.workflow;

import static dev.cdkbootstrap.workflow.Fixtures.DEV;
import static dev.cdkbootstrap.workflow.Fixtures.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bootstrapped target's reason says what the build did, from the observations before and after it. */
class ToolkitChangesTest {
    private static final String POLICY = Fixtures.policyArn(DEV, "eu-west-1");
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    private static ObservedToolkit settings(ObservedToolkit o, String boundary, boolean allRoles, Boolean protection,
            Map<String, String> tags, String kms, Boolean publicAccessBlock) {
        return new ObservedToolkit(o.stackStatus(), o.version(), o.ssmVersion(), o.variant(), o.qualifier(), o.trust(),
                o.trustForLookup(), o.executionPolicies(), boundary, allRoles, protection, tags, kms, publicAccessBlock, null);
    }

    @Test
    void aToolkitThatDidNotExistWasCreatedAtItsVersionWithItsSettings() {
        assertThat(ToolkitChanges.done(ObservedToolkit.noStack(), Fixtures.devUpToDate(), Fixtures.devTarget()))
                .containsExactly("created the toolkit at version 33: qualifier hnb659fds, trust " + PIPELINE
                        + ", execution policy " + POLICY);
    }

    @Test
    void aFailedFirstCreationWasCreatedAgain() {
        ObservedToolkit failed = Fixtures.observed("ROLLBACK_COMPLETE", null, null, 33);

        assertThat(ToolkitChanges.done(failed, Fixtures.devUpToDate(), Fixtures.devTarget())).singleElement().asString()
                .startsWith("re-created the toolkit (its first creation had ended ROLLBACK_COMPLETE) at version 33: ");
    }

    @Test
    void anUpgradeSaysFromWhichVersionToWhich() {
        ObservedToolkit old = Fixtures.observed("UPDATE_COMPLETE", List.of(PIPELINE), List.of(POLICY), 21);

        assertThat(ToolkitChanges.done(old, Fixtures.devUpToDate(), Fixtures.devTarget()))
                .containsExactly("updated from version 21 to 33");
    }

    @Test
    void trustAndPoliciesSayWhatWasAddedRemovedAndChanged() {
        ObservedToolkit before = Fixtures.withBasics(Fixtures.devUpToDate(), ToolkitObserver.DEFAULT_VARIANT, "hnb659fds",
                33, "33", List.of("888888888888"), List.of("777777777777"), List.of(ADMIN));

        assertThat(ToolkitChanges.done(before, Fixtures.devUpToDate(), Fixtures.devTarget())).containsExactly(
                "added trust for " + PIPELINE, "removed trust for 888888888888", "removed lookup trust for 777777777777",
                "changed the execution policy to " + POLICY);
    }

    @Test
    void everyFurtherSettingSaysWhatItIsNow() {
        ObservedToolkit before = settings(Fixtures.devUpToDate(), "", false, false, Map.of(), "AWS_MANAGED_KEY", false);
        ObservedToolkit after = settings(Fixtures.devUpToDate(), "team-boundary", true, true, Map.of("team", "ml"), "",
                true);

        assertThat(ToolkitChanges.done(before, after, Fixtures.devWithEverySetting())).containsExactly(
                "set the permissions boundary to team-boundary (every role)", "turned termination protection on",
                "changed the tags to {team=ml}", "changed kms_key from aws-managed to create",
                "turned the public access block on");
        assertThat(ToolkitChanges.done(after, before, Fixtures.devWithEverySetting())).first()
                .isEqualTo("removed the permissions boundary");
    }

    @Test
    void nothingKnownBeforeOrNothingChangedSaysNothing() {
        assertThat(ToolkitChanges.done(null, Fixtures.devUpToDate(), Fixtures.devTarget())).isEmpty();
        assertThat(ToolkitChanges.done(Fixtures.devUpToDate(), Fixtures.devUpToDate(), Fixtures.devTarget())).isEmpty();
    }

    @Test
    void theDescriptionNamesTheManagedSettingsOnly() {
        ObservedToolkit seen = new ObservedToolkit("UPDATE_COMPLETE", 40, "40", "Team Variant", "hnb659fds",
                List.of(PIPELINE), List.of("222222222222"), List.of(POLICY), "team-boundary", false, true,
                Map.of("team", "ml"), "", false, null);

        assertThat(ToolkitChanges.describe(seen, Fixtures.devWithEverySetting())).isEqualTo("version 40, qualifier"
                + " hnb659fds, trust " + PIPELINE + ", execution policy " + POLICY + ", permissions boundary team-boundary"
                + " (execution role), lookup trust 222222222222, termination protection on, tags {team=ml}, kms_key create,"
                + " public access block off, template variant 'Team Variant'");
        assertThat(ToolkitChanges.describe(seen, Fixtures.devTarget())).doesNotContain("tags", "lookup", "kms_key");
    }
}
