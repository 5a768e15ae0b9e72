package dev.cdkbootstrap.plan;

import java.util.Map;
import java.util.TreeMap;

/**
 * A plan together with the text of every file beside cdk-app.yml it references, so later steps act on
 * exactly what was validated, not on whatever the folder holds later: {@code policyDocuments} (policy
 * files) and {@code templates} (custom bootstrap templates), each keyed by the file's normalized
 * relative path (the {@code file} of an execution policy, the {@code path} of
 * {@code Target.settings.template}). Both are sorted by path. A template's text is strict UTF-8, so
 * its UTF-8 bytes are the file's bytes: their SHA-256 is {@code Target.settings.template.sha256}.
 */
public record PlannedConfig(Plan plan, Map<String, String> policyDocuments, Map<String, String> templates) {

    /**
     * Every file the plan names beside cdk-app.yml: relative path → the text that was validated. These
     * files travel with the config: {@code bootstrapctl upload} and the sandbox upload exactly these,
     * before the config, and LoadConfig reads them beside it. The execution-policy files and the custom
     * bootstrap templates; every other kind of file a config may name is added here.
     */
    public Map<String, String> files() {
        Map<String, String> files = new TreeMap<>(policyDocuments);
        files.putAll(templates);
        return files;
    }
}
