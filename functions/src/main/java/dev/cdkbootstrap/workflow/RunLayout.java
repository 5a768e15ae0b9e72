package dev.cdkbootstrap.workflow;

/** Keys of a run's objects under its prefix (docs/contracts.md, "S3 layout of a run"). */
public final class RunLayout {

    private RunLayout() {}

    public static String runPrefix(String prefix, String runId) {
        return runsRoot(prefix) + runId + "/";
    }

    /** The folder holding every run's folder: {@code RUN_PREFIX} with a trailing '/', or "" for the root. */
    public static String runsRoot(String prefix) {
        return prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
    }

    public static String plan(String runPrefix) {
        return runPrefix + "plan.json";
    }

    public static String targets(String runPrefix) {
        return runPrefix + "targets.json";
    }

    public static String result(String runPrefix, String account, String region) {
        return runPrefix + "results/" + account + "-" + region + ".json";
    }

    /** Where a target's result goes: under {@code preview/} in the approval gate's preview pass. */
    public static String result(String runPrefix, boolean preview, String account, String region) {
        return result(preview ? runPrefix + "preview/" : runPrefix, account, region);
    }

    /** The approval gate's reviewed changes ({@code approval/changes.json}, and {@code .md} beside it). */
    public static String changes(String runPrefix) {
        return runPrefix + "approval/changes.json";
    }

    /** The items the Map runs after the review: a target the preview could not review is refused there. */
    public static String reviewedTargets(String runPrefix) {
        return runPrefix + "approval/targets.json";
    }

    public static String changesMarkdown(String runPrefix) {
        return runPrefix + "approval/changes.md";
    }

    /** The waiting approval: run id, task token, when it expires (read by {@code bootstrapctl approve}). */
    public static String approvalRequest(String runPrefix) {
        return runPrefix + "approval/request.json";
    }

    /** Every config error of a run whose errors do not fit in an error cause. */
    public static String configErrors(String runPrefix) {
        return runPrefix + "config-errors.txt";
    }

    /**
     * A custom bootstrap template of the run ({@code template} in cdk-app.yml), named by the SHA-256 of its
     * bytes; the bootstrap build downloads it from there (its role may read the {@code templates/} folders of
     * runs and nothing else in the bucket).
     */
    public static String template(String runPrefix, String sha256) {
        return runPrefix + "templates/" + sha256 + ".yaml";
    }

    public static String report(String runPrefix) {
        return runPrefix + "report.json";
    }

    public static String reportMarkdown(String runPrefix) {
        return runPrefix + "report.md";
    }
}
