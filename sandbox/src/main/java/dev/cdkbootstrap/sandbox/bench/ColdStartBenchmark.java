package dev.cdkbootstrap.sandbox.bench;

import dev.cdkbootstrap.sandbox.SandboxCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.crac.Resource;

/**
 * Cold starts of the packaged functions: each handler's init and first invocation in a fresh JVM
 * (class path = the Lambda package + the runtime stand-in), against a fresh sandbox, next to a
 * hello-world handler started the same way; then the same chain with the SnapStart checkpoint hook
 * run after init (what a restored snapshot has done already). Prints the package size and a table.
 * Numbers only, nothing is asserted.
 * Usage: {@code ColdStartBenchmark [--repeat N] [--write-preload-list FILE]}; the second option also
 * writes the classes the handlers initialised (SnapStartPriming's list) to FILE.
 */
public final class ColdStartBenchmark {
    private static final Pattern INIT = Pattern.compile("Initializing '([^']+)'");

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int repeat = 1;
        Path preloadList = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--write-preload-list" -> preloadList = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path root = SandboxCli.projectRoot();
        Path work = root.resolve("sandbox/target/cold-start-bench");
        Path zip = root.resolve("functions/target/functions-lambda.zip");
        List<String> jvmOptions = preloadList == null ? List.of()
                : List.of("-Xlog:class+init=info:file=" + work.resolve("class-init-{name}.txt"));
        Files.createDirectories(work);
        List<String> lines = new ArrayList<>();
        for (int r = 1; r <= repeat; r++) {
            deleteTree(work);
            List<PackagedFunctions.Invocation> cold;
            List<PackagedFunctions.Invocation> primed;
            try (PackagedRun run = PackagedRun.open(root, work.resolve("cold"), jvmOptions)) {
                lines.add(row(r, run.functions().hello(), null));
                cold = run.runAll(false);
            }
            try (PackagedRun run = PackagedRun.open(root, work.resolve("primed"), List.of())) {
                primed = run.runAll(true);
            }
            for (int i = 0; i < cold.size(); i++) {
                lines.add(row(r, cold.get(i), primed.get(i)));
            }
            if (preloadList != null && r == 1) {
                writePreloadList(work, preloadList);
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Lambda package: %s, %.2f MiB (%d bytes), %d jars%n", zip,
                Files.size(zip) / 1048576.0, Files.size(zip), jarCount(root.resolve("functions/target/lambda/lib")));
        System.out.printf(Locale.ROOT, "Cold starts (%d cores, %s %s): fresh JVM per row; ms%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-3s %-24s %8s %8s %12s | %10s %14s %s%n", "rep", "function", "wall", "init",
                "1st invoke", "priming", "invoke primed", "error");
        lines.forEach(System.out::println);
        System.exit(0);
    }

    private static String row(int rep, PackagedFunctions.Invocation cold, PackagedFunctions.Invocation primed) {
        return String.format(Locale.ROOT, "%-3d %-24s %8d %8d %12d | %10s %14s %s", rep, cold.function(), cold.wallMs(),
                cold.initMs(), cold.invokeMs(), primed == null ? "-" : Long.toString(primed.primeMs()),
                primed == null ? "-" : Long.toString(primed.invokeMs()),
                cold.error().isEmpty() && (primed == null || primed.error().isEmpty()) ? ""
                        : cold.error() + (primed == null ? "" : " " + primed.error()));
    }

    /** Union of the classes the handlers' JVMs initialised, minus the JDK's, the launcher's and CRaC hooks. */
    private static void writePreloadList(Path work, Path file) throws Exception {
        TreeSet<String> classes = new TreeSet<>();
        try (Stream<Path> logs = Files.list(work)) { // the cold chain's logs
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("class-init-")
                    && !p.getFileName().toString().contains("HelloWorld")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    Matcher m = INIT.matcher(line);
                    if (m.find()) {
                        String name = m.group(1).replace('/', '.');
                        if (preloadable(name)) {
                            classes.add(name);
                        }
                    }
                }
            }
        }
        List<String> out = new ArrayList<>(List.of(
                "# Classes SnapStart priming initialises before the snapshot (SnapStartPriming): those a real init and",
                "# first invocation of every handler initialised. Regenerate (docs/deploy.md, \"SnapStart priming\"):",
                "# ColdStartBenchmark --write-preload-list functions/src/main/resources/" + "dev/cdkbootstrap/handler/preload-classes.txt"));
        out.addAll(classes);
        Files.write(file, out);
        System.out.println("wrote " + classes.size() + " class names to " + file);
    }

    private static boolean preloadable(String name) {
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")
                || name.startsWith("com.sun.") || name.contains("$$Lambda") || name.contains(".0x")
                || name.startsWith(ColdStartBenchmark.class.getPackageName())) {
            return false;
        }
        try {
            Class<?> type = Class.forName(name, false, ColdStartBenchmark.class.getClassLoader());
            // A class that registers its own CRaC hook when initialised (Powertools' MetricsFactory) stays out.
            return !Resource.class.isAssignableFrom(type) || name.startsWith("dev.cdkbootstrap.");
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static long jarCount(Path lib) throws Exception {
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).count();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
