package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A run's targets as one total and its parts, the same words in report.md, the notification and the
 * consoles: {@code "4 targets: 4 bootstrapped"}, {@code "60 targets: 52 bootstrapped, 6 up to date, 2 failed"};
 * a dry run's {@code "4 targets: 3 to bootstrap, 1 up to date"}. The parts add up to the total; a part
 * of none is left out.
 */
public final class TargetCounts {
    /** What became of a target, in the order the parts are named. */
    public enum Kind {
        BOOTSTRAPPED("bootstrapped"),
        /** SKIPPED (the decision table's UP_TO_DATE), or a dry run's PLANNED UP_TO_DATE. */
        UP_TO_DATE("up to date"),
        /** A dry run's PLANNED target whose code starts a build. */
        TO_BOOTSTRAP("to bootstrap"),
        /** A dry run's PLANNED target the decision table fails (e.g. MANAGEMENT_ACCOUNT). */
        WOULD_FAIL("would fail"),
        FAILED("failed");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** The kind of a target with this outcome and reason code (null code: none recorded). */
        public static Kind of(Outcome outcome, ReasonCode code) {
            return switch (outcome) {
                case BOOTSTRAPPED -> BOOTSTRAPPED;
                case SKIPPED -> UP_TO_DATE;
                case FAILED -> FAILED;
                case PLANNED -> code == ReasonCode.UP_TO_DATE ? UP_TO_DATE
                        : code != null && code.startsBuild() ? TO_BOOTSTRAP : WOULD_FAIL;
            };
        }

        /** As above from report.json's strings; an outcome this version does not know counts as failed. */
        public static Kind of(String outcome, String code) {
            try {
                ReasonCode reason = null;
                try {
                    reason = code == null || code.isEmpty() ? null : ReasonCode.valueOf(code);
                } catch (IllegalArgumentException unknownCode) {
                    // a newer product's code: the outcome still says enough
                }
                return of(Outcome.valueOf(outcome), reason);
            } catch (IllegalArgumentException | NullPointerException unknown) {
                return FAILED;
            }
        }
    }

    private TargetCounts() {}

    /** {@code "<n> target(s): <part>, <part>"}; {@code "0 targets"} for none. */
    public static String describe(List<Kind> kinds) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        kinds.forEach(kind -> counts.merge(kind, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((kind, count) -> parts.add(count + " " + kind.words));
        String total = kinds.size() + (kinds.size() == 1 ? " target" : " targets");
        return parts.isEmpty() ? total : total + ": " + String.join(", ", parts);
    }
}
