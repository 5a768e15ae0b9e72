package dev.cdkbootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> KEYS = List.of("account", "region", "bootstrap", "code_commit");

    @Test
    void aSmallTypoSuggestsTheKey() {
        assertThat(Suggestions.closest("acount", KEYS)).contains("account");
        assertThat(Suggestions.closest("regoin", KEYS)).contains("region");
    }

    @Test
    void caseAndDashesAreForgiven() {
        assertThat(Suggestions.closest("Code-Commit", KEYS)).contains("code_commit");
    }

    @Test
    void anUnrelatedWordSuggestsNothing() {
        assertThat(Suggestions.closest("colour", KEYS)).isEmpty();
    }
}
