package dev.cdkbootstrap.workflow.model;

import java.util.List;

/**
 * The target observed again after its build: {@code converged} when the observation equals the
 * plan (the decision table says UP_TO_DATE); otherwise {@code differences} names what still differs.
 *
 * @param done what the build changed, from the observation before it to this one ("created the toolkit at
 *             version 33: ...", "updated from version 30 to 33", "added trust for 222222222222"); empty when
 *             nothing the plan manages changed or the observation before was not kept (null in older states)
 */
public record Verification(boolean converged, List<String> differences, List<String> done) {

    /** A verification that does not say what the build changed. */
    public Verification(boolean converged, List<String> differences) {
        this(converged, differences, null);
    }
}
