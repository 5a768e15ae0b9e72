package dev.cdkbootstrap.workflow.model;

import java.util.List;

/**
 * The workflow's execution input; every field is optional, and none is trusted (anyone allowed to
 * start an execution writes it): LoadConfig checks it against the rules of docs/contracts.md
 * ("Execution input") before anything runs. Missing bucket/key are the configured CONFIG_BUCKET /
 * CONFIG_KEY (a given one must be that), a missing trigger is {@code manual}.
 *
 * @param versionId the config version to run; when it is not the latest, only with {@code allowOldVersion}
 * @param accounts when given, only targets of these accounts are planned (new-account runs)
 * @param trigger {@code s3}, {@code new-account}, {@code manual} or {@code schedule} (the reconcile schedule; with
 *                {@code dryRun} its report is a drift report, published only when a target is not up to date)
 * @param allowOldVersion true to run a {@code versionId} that is no longer the latest on purpose
 */
public record ExecutionInput(String bucket, String key, String versionId, List<String> accounts, Boolean dryRun,
        String trigger, Boolean allowOldVersion) {

    public boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    public boolean oldVersionAllowed() {
        return Boolean.TRUE.equals(allowOldVersion);
    }
}
