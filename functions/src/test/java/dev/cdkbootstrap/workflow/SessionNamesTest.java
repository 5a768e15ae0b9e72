package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionNamesTest {

    @Test
    void aLongRunIdIsCutTo64Characters() {
        String name = SessionNames.forRun("new-account-111111111111-0123456789ab-and-a-lot-more-text-to-overflow-it");

        assertThat(name).hasSize(64).startsWith("bootstrap-new-account-111111111111");
    }

    @Test
    void charactersStsRefusesAreReplaced() {
        assertThat(SessionNames.forRun("run id/with:odd*chars")).isEqualTo("bootstrap-run-id-with-odd-chars")
                .matches("[\\w+=,.@-]+");
    }

    @Test
    void theOrganizationCheckSessionIsNamedByItsPrefixAndCutLikeTheOthers() {
        assertThat(SessionNames.forOrganizationCheck("run id")).isEqualTo("cdk-bootstrap-load-config-run-id")
                .startsWith(SessionNames.ORGANIZATION_CHECK_PREFIX);
        assertThat(SessionNames.forOrganizationCheck("x".repeat(80))).hasSize(64);
        assertThat(SessionNames.forRun("cdk-bootstrap-load-config-x")).as("a run's session never looks like LoadConfig's")
                .doesNotStartWith(SessionNames.ORGANIZATION_CHECK_PREFIX);
    }
}
