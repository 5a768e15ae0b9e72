package dev.cdkbootstrap.workflow.model;

import java.util.List;

/**
 * The workflow's execution input; every field is optional. Missing bucket/key fall back to the
 * configured CONFIG_BUCKET/CONFIG_KEY, a missing trigger is {@code manual}.
 *
 * @param accounts when given, only targets of these accounts are planned (new-account runs)
 */
public record ExecutionInput(
        String bucket, String key, String versionId, List<String> accounts, Boolean dryRun, String trigger) {

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }
}
