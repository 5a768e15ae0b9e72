package dev.cdkbootstrap.plan;

import java.util.Map;

/**
 * A plan together with the text of every policy file it references (keyed by the file's relative
 * path), so later steps act on exactly what was validated, not on whatever the folder holds later.
 */
public record PlannedConfig(Plan plan, Map<String, String> policyDocuments) {}
