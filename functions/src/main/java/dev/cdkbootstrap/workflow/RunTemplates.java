package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings.CustomTemplate;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The custom bootstrap templates of a run (cdk-app.yml's {@code template}): LoadConfig writes the validated
 * text of each one the run's targets use to {@code runs/<runId>/templates/<sha256>.yaml}
 * ({@link RunLayout#template}), where the bootstrap build reads it; the file beside cdk-app.yml may have
 * changed since, this copy has not.
 */
final class RunTemplates {

    private RunTemplates() {}

    /**
     * @param templates the validated text of each template, by its path (PlannedConfig.templates)
     * @return the keys written, sorted
     * @throws IllegalStateException when a target's template has no text, or text whose SHA-256 is not the plan's
     */
    static List<String> write(ObjectStore store, String bucket, String runFolder, List<Target> targets,
            Map<String, String> templates) {
        Map<String, byte[]> bySha = new TreeMap<>();
        for (Target target : targets) {
            CustomTemplate template = target.settings().template();
            if (template == null || bySha.containsKey(template.sha256())) {
                continue;
            }
            String text = templates.get(template.path());
            if (text == null) {
                throw new IllegalStateException("the planner returned no text for template " + template.path());
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (!sha256(bytes).equals(template.sha256())) {
                throw new IllegalStateException("template " + template.path() + ": its text is not what the plan hashed");
            }
            bySha.put(template.sha256(), bytes);
        }
        bySha.forEach((sha, bytes) -> store.write(bucket, RunLayout.template(runFolder, sha), bytes,
                "text/yaml; charset=utf-8"));
        return bySha.keySet().stream().map(sha -> RunLayout.template(runFolder, sha)).toList();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
