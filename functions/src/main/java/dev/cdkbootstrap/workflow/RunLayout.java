package dev.cdkbootstrap.workflow;

/**
 * Keys of a run's objects (docs/contracts.md, "S3 layout of a run"). Two names, one meaning each:
 * the <em>runs root</em> ({@link #RUNS_ROOT}, {@code runs/}) holds every run's folder; a <em>run
 * folder</em> ({@code runs/<runId>/}, the payloads' {@code runFolder}) holds one run's objects, and is
 * what every other method here takes.
 */
public final class RunLayout {
    /**
     * The runs root of the config bucket. The one source: template.yaml's IAM grants
     * ({@code ${ConfigBucket.Arn}/runs/*}) and its lifecycle rule (Prefix {@code runs/}) spell the same
     * value, and {@code RunsRootContractTest} checks that they do.
     */
    public static final String RUNS_ROOT = "runs/";

    private RunLayout() {}

    /** The folder of run {@code runId} under {@code runsRoot}: {@code runs/<runId>/}. */
    public static String runFolder(String runsRoot, String runId) {
        return runsRoot(runsRoot) + runId + "/";
    }

    /** {@code runsRoot} with a trailing '/', or "" for the bucket's root. */
    public static String runsRoot(String runsRoot) {
        return runsRoot == null || runsRoot.isEmpty() ? "" : runsRoot.endsWith("/") ? runsRoot : runsRoot + "/";
    }

    public static String plan(String runFolder) {
        return runFolder + "plan.json";
    }

    public static String targets(String runFolder) {
        return runFolder + "targets.json";
    }

    public static String result(String runFolder, String account, String region) {
        return runFolder + "results/" + account + "-" + region + ".json";
    }

    /** Where a target's result goes: under {@code preview/} in the approval gate's preview pass. */
    public static String result(String runFolder, boolean preview, String account, String region) {
        return result(preview ? runFolder + "preview/" : runFolder, account, region);
    }

    /** The approval gate's reviewed changes ({@code approval/changes.json}, and {@code .md} beside it). */
    public static String changes(String runFolder) {
        return runFolder + "approval/changes.json";
    }

    /** The items the Map runs after the review: a target the preview could not review is refused there. */
    public static String reviewedTargets(String runFolder) {
        return runFolder + "approval/targets.json";
    }

    public static String changesMarkdown(String runFolder) {
        return runFolder + "approval/changes.md";
    }

    /** The waiting approval: run id, task token, when it expires (read by {@code bootstrapctl approve}). */
    public static String approvalRequest(String runFolder) {
        return runFolder + "approval/request.json";
    }

    /** Every config error of a run whose errors do not fit in an error cause. */
    public static String configErrors(String runFolder) {
        return runFolder + "config-errors.txt";
    }

    /**
     * A custom bootstrap template of the run ({@code template} in cdk-app.yml), named by the SHA-256 of its
     * bytes; the bootstrap build downloads it from there (its role may read the {@code templates/} folders of
     * runs and nothing else in the bucket).
     */
    public static String template(String runFolder, String sha256) {
        return runFolder + "templates/" + sha256 + ".yaml";
    }

    public static String report(String runFolder) {
        return runFolder + "report.json";
    }

    public static String reportMarkdown(String runFolder) {
        return runFolder + "report.md";
    }
}
