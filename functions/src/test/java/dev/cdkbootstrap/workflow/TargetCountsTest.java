package dev.cdkbootstrap.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.workflow.TargetCounts.Kind;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetCountsTest {

    @Test
    void theTargetsReadAsOneTotalAndItsParts() {
        List<Kind> kinds = new ArrayList<>(Collections.nCopies(52, Kind.BOOTSTRAPPED));
        kinds.addAll(Collections.nCopies(2, Kind.FAILED));
        kinds.addAll(Collections.nCopies(6, Kind.UP_TO_DATE));

        assertThat(TargetCounts.describe(kinds)).isEqualTo("60 targets: 52 bootstrapped, 6 up to date, 2 failed");
        assertThat(TargetCounts.describe(Collections.nCopies(4, Kind.BOOTSTRAPPED))).isEqualTo("4 targets: 4 bootstrapped");
        assertThat(TargetCounts.describe(List.of(Kind.FAILED))).isEqualTo("1 target: 1 failed");
        assertThat(TargetCounts.describe(List.of())).isEqualTo("0 targets");
    }

    @Test
    void aDryRunsPlannedTargetsSayWhatTheRunWouldDo() {
        assertThat(TargetCounts.describe(List.of(Kind.of(Outcome.PLANNED, ReasonCode.TOOLKIT_MISSING),
                Kind.of(Outcome.PLANNED, ReasonCode.UP_TO_DATE), Kind.of(Outcome.PLANNED, ReasonCode.MANAGEMENT_ACCOUNT))))
                .isEqualTo("3 targets: 1 up to date, 1 to bootstrap, 1 would fail");
    }

    @Test
    void reportJsonsStringsMapToTheSameKindsAndAnUnknownOutcomeCountsAsFailed() {
        assertThat(Kind.of("SKIPPED", "UP_TO_DATE")).isEqualTo(Kind.UP_TO_DATE);
        assertThat(Kind.of("BOOTSTRAPPED", "A_CODE_OF_A_NEWER_VERSION")).isEqualTo(Kind.BOOTSTRAPPED);
        assertThat(Kind.of("PLANNED", "SETTINGS_DIFFER")).isEqualTo(Kind.TO_BOOTSTRAP);
        assertThat(Kind.of("SOMETHING_NEW", null)).isEqualTo(Kind.FAILED);
    }
}
