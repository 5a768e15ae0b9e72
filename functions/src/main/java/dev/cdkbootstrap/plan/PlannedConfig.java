package dev.cdkbootstrap.plan;

import java.util.Map;
import java.util.TreeMap;

/**
 * A plan together with the text of every policy file it references (keyed by the file's relative
 * path), so later steps act on exactly what was validated, not on whatever the folder holds later.
 */
public record PlannedConfig(Plan plan, Map<String, String> policyDocuments) {

    /**
     * Every file the plan names beside cdk-app.yml: relative path (as written in the config, or the
     * default policy name found) → the text that was validated. These files travel with the config:
     * {@code bootstrapctl upload} and the sandbox upload exactly these, before the config, and
     * LoadConfig reads them beside it. Today the execution-policy files; every other kind of file a
     * config may name is added here.
     */
    public Map<String, String> files() {
        Map<String, String> files = new TreeMap<>(policyDocuments);
        return files;
    }
}
