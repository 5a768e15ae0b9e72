package dev.cdkbootstrap.sandbox.bench;

import dev.cdkbootstrap.sandbox.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Lambda handlers from the packaged artifact ({@code functions/target/lambda/lib}), each in a
 * fresh JVM whose class path is the package's jars plus {@link LambdaLauncher} (the runtime's
 * stand-in), with the environment the sandbox gives that function. A shrinker that removed
 * something a handler needs fails here, not in AWS.
 */
public final class PackagedFunctions {
    /** One cold JVM: wall time from spawn to exit, and the launcher's own split. */
    public record Invocation(String function, long wallMs, long initMs, long primeMs, long invokeMs, String output,
                             String error, Path log) {
        public boolean failed() {
            return !error.isEmpty();
        }
    }

    private final Path packageLib;
    private final Path launcherDir;
    private final Path workDir;
    private final List<String> jvmOptions;
    /** Invocations per function so far: the second one of a function is {@code <name>-1}, and so on. */
    private final Map<String, Integer> invocations = new HashMap<>();

    /**
     * @param packageLib the package's {@code lib/} folder
     * @param jvmOptions extra options of every child JVM (e.g. class-init logging)
     */
    public PackagedFunctions(Path packageLib, Path workDir, List<String> jvmOptions) throws IOException {
        if (!Files.isDirectory(packageLib)) {
            throw new IllegalStateException(packageLib + " does not exist: build the package first "
                    + "(mvn -pl functions package)");
        }
        this.packageLib = packageLib;
        this.workDir = Files.createDirectories(workDir);
        this.launcherDir = copyLauncherClasses(workDir.resolve("launcher"));
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The package's jars plus the launcher: nothing of the build's own class path. */
    public String classPath() throws IOException {
        try (Stream<Path> jars = Files.list(packageLib)) {
            List<String> entries = new ArrayList<>(jars.filter(p -> p.toString().endsWith(".jar")).sorted()
                    .map(Path::toString).toList());
            entries.add(launcherDir.toString());
            return String.join(java.io.File.pathSeparator, entries);
        }
    }

    /** Runs {@code sandbox}'s function {@code logicalId} from the package with {@code input}. */
    public Invocation invoke(Sandbox sandbox, String logicalId, byte[] input, boolean prime) throws Exception {
        return invoke(sandbox, logicalId, input, prime, sandbox.functionEnvironment(logicalId));
    }

    /** As above with an adjusted environment. */
    public Invocation invoke(Sandbox sandbox, String logicalId, byte[] input, boolean prime, Map<String, String> env)
            throws Exception {
        String handler = sandbox.functionHandler(logicalId).replaceFirst("::.*$", "");
        int sameName = invocations.merge(logicalId, 1, Integer::sum) - 1;
        String name = sameName == 0 ? logicalId : logicalId + "-" + sameName;
        return launch(name, classPath(), handler, env, input, prime);
    }

    /** The hello-world baseline: only aws-lambda-java-core and the launcher on the class path. */
    public Invocation hello() throws Exception {
        String core;
        try (Stream<Path> jars = Files.list(packageLib)) {
            core = jars.filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-core-")).findFirst()
                    .orElseThrow().toString();
        }
        return launch("HelloWorld", core + java.io.File.pathSeparator + launcherDir, HelloHandler.class.getName(),
                Map.of(), "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8), false);
    }

    private Invocation launch(String name, String classPath, String handler, Map<String, String> env, byte[] input,
            boolean prime) throws Exception {
        Path dir = Files.createDirectories(workDir.resolve(name));
        Path in = Files.write(dir.resolve("input.json"), input);
        Files.deleteIfExists(dir.resolve("output.json"));
        Path out = dir.resolve("output.json");
        Path result = dir.resolve("result.txt");
        Path log = dir.resolve("jvm.log");
        Files.deleteIfExists(result);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // As Lambda starts Java: tiered compilation stops at C1, serial GC (the runtime's defaults).
        command.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions.stream().map(o -> o.replace("{name}", name)).toList());
        command.addAll(List.of("-cp", classPath, LambdaLauncher.class.getName(), handler, in.toString(), out.toString(),
                result.toString(), prime ? "prime" : "no-prime"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish in 120 s; see " + log);
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        if (!Files.exists(result)) {
            throw new IllegalStateException(name + " exited " + process.exitValue() + " without a result; see " + log);
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : Files.readString(result).split(";", 4)) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new Invocation(name, wall, Long.parseLong(fields.get("initMs")), Long.parseLong(fields.get("primeMs")),
                Long.parseLong(fields.get("invokeMs")), Files.readString(out), fields.get("error"), log);
    }

    /** Copies the launcher's (and the baseline's) class files out of this module's class path. */
    private static Path copyLauncherClasses(Path dir) throws IOException {
        String pkg = LambdaLauncher.class.getPackageName().replace('.', '/');
        Path target = Files.createDirectories(dir.resolve(pkg));
        for (String name : List.of("LambdaLauncher", "LambdaLauncher$LaunchContext", "LambdaLauncher$LaunchContext$1",
                "HelloHandler")) {
            try (InputStream in = PackagedFunctions.class.getResourceAsStream("/" + pkg + "/" + name + ".class")) {
                if (in == null) {
                    throw new IllegalStateException("missing class " + name);
                }
                Files.copy(in, target.resolve(name + ".class"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }
}
