package dev.cdkbootstrap.workflow;

/** Keys of a run's objects under its prefix (docs/contracts.md, "S3 layout of a run"). */
public final class RunLayout {

    private RunLayout() {}

    public static String runPrefix(String prefix, String runId) {
        String base = prefix == null || prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
        return base + runId + "/";
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

    public static String report(String runPrefix) {
        return runPrefix + "report.json";
    }

    public static String reportMarkdown(String runPrefix) {
        return runPrefix + "report.md";
    }
}
