package dev.cdkbootstrap.sandbox.codebuild;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one build's buildspec with bash and records how it ended. */
final class BuildProcess {
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private final LocalBuild build;
    private final Toolchain toolchain;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final PrintStream log;

    BuildProcess(LocalBuild build, Toolchain toolchain, URI endpoint, String accessKey, String secretKey, PrintStream log) {
        this.build = build;
        this.toolchain = toolchain;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.log = log;
    }

    void run() {
        try {
            Path dir = Files.createDirectories(build.log().resolveSibling(build.log().getFileName() + ".d"));
            Path phaseFile = dir.resolve("phases");
            Files.deleteIfExists(phaseFile);
            BuildspecScript buildspec = BuildspecScript.parse(build.project().buildspec());
            Path script = Files.writeString(dir.resolve("buildspec.sh"), buildspec.script());
            ProcessBuilder process = new ProcessBuilder("bash", script.toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(build.log().toFile());
            Map<String, String> env = process.environment();
            env.clear();
            // Precedence as in CodeBuild: buildspec env < project env < StartBuild overrides.
            env.putAll(buildspec.variables());
            env.putAll(build.project().environment());
            env.putAll(build.overrides());
            env.putAll(Map.of(
                    "PATH", toolchain.path(),
                    "HOME", toolchain.home().toString(),
                    "AWS_ENDPOINT_URL", endpoint.toString(),
                    "AWS_REGION", build.project().region(),
                    "AWS_DEFAULT_REGION", build.project().region(),
                    "AWS_ACCESS_KEY_ID", accessKey,
                    "AWS_SECRET_ACCESS_KEY", secretKey,
                    "CODEBUILD_BUILD_ID", build.id(),
                    "CODEBUILD_SRC_DIR", dir.toString(),
                    "SANDBOX_PHASE_FILE", phaseFile.toString()));
            env.put("CI", "true");
            env.put("CDK_DISABLE_VERSION_CHECK", "true");
            env.put("npm_config_update_notifier", "false");
            Process running = process.start();
            build.running(running);
            boolean ended = running.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<String> phases = Files.exists(phaseFile) ? Files.readAllLines(phaseFile) : List.of("INSTALL");
            String lastPhase = phases.isEmpty() ? "INSTALL" : phases.get(phases.size() - 1);
            if (!ended) {
                running.descendants().forEach(ProcessHandle::destroy);
                running.destroyForcibly();
                build.finish("TIMED_OUT", lastPhase);
            } else if (running.exitValue() == 0) {
                build.finish("SUCCEEDED", null);
            } else {
                build.finish("FAILED", lastPhase);
            }
            log.println("sandbox codebuild: " + build.id() + " " + build.status() + " (log " + build.log() + ")");
        } catch (IOException | RuntimeException e) {
            log.println("sandbox codebuild: " + build.id() + " could not run: " + e);
            build.finish("FAULT", "PROVISIONING");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            build.stop();
        }
    }
}
