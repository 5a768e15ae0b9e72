package dev.cdkbootstrap.workflow;

/** Role session names that identify the run in the target's CloudTrail. */
public final class SessionNames {
    static final int MAX_LENGTH = 64;

    private SessionNames() {}

    /** {@code bootstrap-<runId>}, with characters STS refuses replaced and cut to 64 characters. */
    public static String forRun(String runId) {
        String safe = runId.replaceAll("[^\\w+=,.@-]", "-");
        String name = "bootstrap-" + safe;
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
    }
}
