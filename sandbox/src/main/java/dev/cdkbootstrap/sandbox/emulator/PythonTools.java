package dev.cdkbootstrap.sandbox.emulator;

import dev.cdkbootstrap.sandbox.SandboxCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where the Python tools pinned in {@code requirements-tools.txt} are, for every Java caller (the sandbox,
 * the emulator ITs, the lint contract test): one rule, so nothing starts a {@code moto_server} of another
 * version than the one whose quirks the sandbox absorbs.
 *
 * <p>The path in {@code MOTO_SERVER} / {@code CFN_LINT} when set: bin/bootstrapctl and bin/run-tests set
 * them after {@code bin/python-tools} checked the version against the pin. Otherwise (Maven or an IDE run
 * directly) {@code bin/python-tools TOOL} is run in the project root ({@link SandboxCli#projectRoot()}):
 * the same check, installing the pins into {@code .venv-tools/} when needed; its path is remembered for
 * the life of the JVM.
 *
 * @throws IllegalStateException (from both methods) when the tool cannot be had: the message is the
 *     script's own, naming the pin and the command that fixes it
 */
public final class PythonTools {
    /** The one pin file of the Python tools. */
    public static final String PIN_FILE = "requirements-tools.txt";

    private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();

    private PythonTools() {}

    /** The {@code moto_server} executable of the pinned {@code moto[server]}. */
    public static String motoServer() {
        return resolve("moto_server", "MOTO_SERVER");
    }

    /** The {@code cfn-lint} executable of the pinned {@code cfn-lint}. */
    public static String cfnLint() {
        return resolve("cfn-lint", "CFN_LINT");
    }

    private static String resolve(String tool, String variable) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            return given;
        }
        return RESOLVED.computeIfAbsent(tool, PythonTools::runScript);
    }

    private static String runScript(String tool) {
        Path root = SandboxCli.projectRoot();
        Path script = root.resolve("bin/python-tools");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), tool).directory(root.toFile());
        try {
            Process process = builder.start();
            // Messages (an install in progress, a failure with its fix) are on stderr: read both streams to the end.
            var stderr = process.getErrorStream();
            var errors = new StringBuilder();
            Thread drain = Thread.ofVirtual().start(() -> {
                try {
                    errors.append(new String(stderr.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the process ended; what was read is reported
                }
            });
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " " + tool + " did not finish within 15 minutes");
            }
            drain.join();
            if (process.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException(tool + " (pinned in " + PIN_FILE + ") is not available: "
                        + (errors.isEmpty() ? script + " exited with " + process.exitValue() : errors.toString().strip()));
            }
            System.err.print(errors); // what was installed, if anything
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + script + " to find " + tool + " (pinned in " + PIN_FILE + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }
}
