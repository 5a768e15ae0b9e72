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
}
