package dev.cdkbootstrap.workflow.model;

import java.util.List;

/**
 * The target observed again after its build: {@code converged} when the observation equals the
 * plan (the decision table says UP_TO_DATE); otherwise {@code differences} names what still differs.
 */
public record Verification(boolean converged, List<String> differences) {}
