package dev.cdkbootstrap.plan;

/**
 * A file beside cdk-app.yml (an execution policy or a custom template) that exists but cannot be used: it
 * links outside the folder, is too large, is not UTF-8, or lies where runs keep their artifacts. Thrown by
 * {@link PolicyFiles} adapters; the planner reports it as a config error at the place that names the file.
 */
public final class PolicyFileException extends RuntimeException {
    private final String path;
    private final String problem;

    /**
     * @param path    the path as cdk-app.yml gives it (relative to its folder)
     * @param problem why it cannot be used, a phrase that follows "it": e.g. {@code is not valid UTF-8}
     */
    public PolicyFileException(String path, String problem) {
        super(path + " " + problem);
        this.path = path;
        this.problem = problem;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
