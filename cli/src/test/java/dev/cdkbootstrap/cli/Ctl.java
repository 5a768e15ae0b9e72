package dev.cdkbootstrap.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bootstrapctl} for tests: in this JVM ({@link #inProcess}, through {@link BootstrapCtl#run}) or
 * through {@code main} in its own JVM as a shell runs it ({@link #process}): exit status, stdout, stderr.
 */
final class Ctl {
    private Ctl() {}

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** The repository root (-Dsandbox.projectRoot from the pom, else the module's parent). */
    static Path projectRoot() {
        return Path.of(System.getProperty("sandbox.projectRoot", "..")).toAbsolutePath().normalize();
    }

    /** In this JVM, with this process's environment. */
    static Result inProcess(String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = BootstrapCtl.run(List.of(args), new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** In its own JVM, with this process's environment. */
    static Result process(String... args) throws IOException, InterruptedException {
        return process(null, args);
    }

    /**
     * In its own JVM, with this process's environment minus every {@code AWS_*} variable, plus {@code env}
     * (null: this process's environment unchanged).
     */
    static Result process(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                BootstrapCtl.class.getName()));
        command.addAll(List.of(args));
        File out = File.createTempFile("bootstrapctl", ".out");
        File err = File.createTempFile("bootstrapctl", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
            if (env != null) {
                builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
                builder.environment().putAll(env);
            }
            Process p = builder.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("bootstrapctl " + String.join(" ", args) + " did not end within 5 minutes");
            }
            return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(err.toPath());
        }
    }
}
