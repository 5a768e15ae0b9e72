package dev.cdkbootstrap.sandbox.codebuild;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One build's state, rendered as CodeBuild's {@code Build} structure. Thread-safe. */
final class LocalBuild {
    private final String id;
    private final BuildProject project;
    private final Map<String, String> overrides;
    private final Path log;
    private final Instant startTime = Instant.now();
    /** When a local build slot took it: the end of its time in CodeBuild's queue. */
    private volatile Instant runningSince;
    private volatile String status = "IN_PROGRESS";
    private volatile String currentPhase = "QUEUED";
    private volatile String failedPhase;
    private volatile Instant endTime;
    private volatile Process process;

    LocalBuild(String id, BuildProject project, Map<String, String> overrides, Path log) {
        this.id = id;
        this.project = project;
        this.overrides = Map.copyOf(overrides);
        this.log = log;
    }

    String id() { return id; }
    BuildProject project() { return project; }
    Map<String, String> overrides() { return overrides; }
    Path log() { return log; }
    String status() { return status; }
    boolean done() { return endTime != null; }

    /** The build started: {@code process} runs it (null for a simulated build, which has no process to stop). */
    void running(Process process) {
        this.process = process;
        this.runningSince = Instant.now();
        this.currentPhase = "INSTALL";
    }

    synchronized void finish(String endStatus, String failed) {
        if (done()) {
            return;
        }
        status = endStatus;
        failedPhase = failed;
        currentPhase = "COMPLETED";
        endTime = Instant.now();
    }

    synchronized void stop() {
        Process running = process;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroy);
            running.destroy();
        }
        finish("STOPPED", null);
    }

    /** The phase the buildspec script last announced (BuildspecScript writes them to a file). */
    private String runningPhase() {
        Path phases = log.resolveSibling(log.getFileName() + ".d").resolve("phases");
        try {
            List<String> lines = java.nio.file.Files.exists(phases) ? java.nio.file.Files.readAllLines(phases) : List.of();
            return lines.isEmpty() ? currentPhase : lines.get(lines.size() - 1);
        } catch (java.io.IOException unreadable) {
            return currentPhase;
        }
    }

    ObjectNode toJson() {
        ObjectNode build = Json.tolerant().createObjectNode();
        String arn = "arn:aws:codebuild:" + project.region() + ":" + project.account() + ":build/" + id;
        build.put("id", id).put("arn", arn).put("projectName", project.name())
                .put("buildStatus", status).put("currentPhase", done() ? currentPhase : runningPhase())
                .put("buildComplete", done()).put("startTime", startTime.toEpochMilli() / 1000.0);
        if (endTime != null) {
            build.put("endTime", endTime.toEpochMilli() / 1000.0);
        }
        ArrayNode phases = build.putArray("phases");
        // As CodeBuild reports them: the product's deadline starts with the first phase after the queue.
        Instant ran = runningSince;
        phases.addObject().put("phaseType", "SUBMITTED").put("phaseStatus", "SUCCEEDED")
                .put("startTime", startTime.toEpochMilli() / 1000.0);
        ObjectNode queued = phases.addObject().put("phaseType", "QUEUED").put("startTime", startTime.toEpochMilli() / 1000.0);
        if (ran != null) {
            queued.put("phaseStatus", "SUCCEEDED");
            phases.addObject().put("phaseType", "PROVISIONING").put("phaseStatus", "SUCCEEDED")
                    .put("startTime", ran.toEpochMilli() / 1000.0);
        }
        for (String phase : List.of("INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD")) {
            if (phase.equals(failedPhase)) {
                phases.addObject().put("phaseType", phase).put("phaseStatus", "FAILED")
                        .putArray("contexts").addObject().put("statusCode", "COMMAND_EXECUTION_ERROR")
                        .put("message", "Error while executing command (see " + log + ")");
                break;
            }
            if (done() && "SUCCEEDED".equals(status)) {
                phases.addObject().put("phaseType", phase).put("phaseStatus", "SUCCEEDED");
            }
        }
        build.putObject("logs").put("groupName", "/aws/codebuild/" + project.name()).put("streamName", id)
                .put("deepLink", log.toUri().toString());
        ArrayNode variables = build.putObject("environment").put("type", "LINUX_CONTAINER")
                .putArray("environmentVariables");
        overrides.forEach((name, value) -> variables.addObject().put("name", name).put("value", value)
                .put("type", "PLAINTEXT"));
        return build;
    }
}
