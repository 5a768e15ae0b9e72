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

    /** Every config error of a run whose errors do not fit in an error cause. */
    public static String configErrors(String runPrefix) {
        return runPrefix + "config-errors.txt";
    }

    public static String report(String runPrefix) {
        return runPrefix + "report.json";
    }

    public static String reportMarkdown(String runPrefix) {
        return runPrefix + "report.md";
    }
}
