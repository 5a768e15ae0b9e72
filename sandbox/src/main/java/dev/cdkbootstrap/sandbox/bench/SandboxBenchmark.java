package dev.cdkbootstrap.sandbox.bench;

import dev.cdkbootstrap.sandbox.SandboxCli;
import dev.cdkbootstrap.sandbox.SandboxOptions;
import dev.cdkbootstrap.sandbox.SandboxSession;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs the sandbox with generated configs of 1, 10 and 40 targets at a fixed Map concurrency, and
 * the 10-target config once more at concurrency 1 (targets one after another), and prints the wall
 * time of each run (upload to report), per target, how it ended (counts, or the error that failed it,
 * e.g. a limit the sandbox enforces) and, for two or more sizes, how time grew against size (largest
 * to smallest). Each case gets a fresh emulator.
 * Usage: {@code SandboxBenchmark [mapConcurrency=10] [parallelBuilds=cores] [sizes=1,10,40] [sandbox options...]},
 * e.g. {@code SandboxBenchmark 10 2 100,1000 --simulated-builds} or {@code SandboxBenchmark 10 2 1201 --dry-run}.
 */
public final class SandboxBenchmark {
    private SandboxBenchmark() {}

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int builds = args.length > 1 ? Integer.parseInt(args[1]) : Math.max(2, Runtime.getRuntime().availableProcessors());
        List<Integer> sizes = args.length > 2
                ? List.of(args[2].split(",")).stream().map(Integer::parseInt).toList() : List.of(1, 10, 40);
        List<String> extra = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        Path work = Files.createDirectories(Path.of("target/sandbox-bench"));
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-8s %-12s %-15s %-10s %-12s %s", "targets", "concurrency", "parallelBuilds",
                "run (s)", "per target", "outcome"));
        TreeMap<Integer, Double> seconds = new TreeMap<>();
        for (int size : sizes) {
            Measured measured = measure(work, size, concurrency, builds, extra);
            seconds.put(size, measured.seconds());
            lines.add(measured.line());
        }
        if (sizes.contains(10) && sizes.size() > 1) {
            lines.add(measure(work, 10, 1, builds, extra).line());
        }
        if (seconds.size() > 1) {
            int small = seconds.firstKey();
            int large = seconds.lastKey();
            lines.add(String.format("%d targets took %.1f times as long as %d (%.0f times as many targets)", large,
                    seconds.get(large) / seconds.get(small), small, (double) large / small));
        }
        System.out.println();
        System.out.println("Sandbox benchmark (" + Runtime.getRuntime().availableProcessors() + " cores"
                + (extra.isEmpty() ? "" : ", " + String.join(" ", extra)) + "):");
        lines.forEach(System.out::println);
        // The in-process handlers' libraries may leave non-daemon threads behind; the benchmark is done.
        System.exit(0);
    }

    private record Measured(double seconds, String line) {}

    private static Measured measure(Path work, int size, int concurrency, int builds, List<String> extra) throws Exception {
        Path config = work.resolve("cdk-app-" + size + ".yml");
        Files.writeString(config, generatedConfig(size));
        List<String> args = new ArrayList<>(List.of("--config", config.toString(),
                "--max-concurrency", Integer.toString(concurrency), "--parallel-builds", Integer.toString(builds),
                "--work-dir", work.resolve("run-" + size + "-c" + concurrency).toString()));
        args.addAll(extra);
        SandboxOptions options = SandboxCli.options(args);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (SandboxSession session = SandboxSession.open(options, SandboxCli.projectRoot(), quiet)) {
            Instant start = Instant.now();
            RunOutcome outcome = session.runAll().get(0);
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            var counts = outcome.report().map(r -> r.path("counts").toString()).orElse(outcome.status());
            boolean failedByError = !"SUCCEEDED".equals(outcome.status()) && outcome.error() != null
                    && !outcome.error().endsWith("TargetsFailed");
            String line = String.format("%-8d %-12d %-15d %-10.1f %-12.2f %s", size, concurrency, builds, seconds,
                    seconds / size, counts + " " + outcome.status() + (failedByError ? " " + outcome.error() : ""));
            System.out.println(line);
            return new Measured(seconds, line);
        }
    }

    /**
     * A config with {@code size} targets: the pipeline plus dev/preprod/prod stages of as many sets as needed, none in
     * the emulated organization's management account (SandboxOptions.DEFAULT_MANAGEMENT_ACCOUNT), which the
     * guardrails refuse.
     */
    static String generatedConfig(int size) {
        StringBuilder yaml = new StringBuilder("""
                cdk_app_config:
                  app_prefix: bench
                  pipeline:
                    account: "111111111111"
                    region: eu-west-1
                """);
        int stages = size - 1;
        if (stages > 0) {
            yaml.append("  deployments:\n");
        }
        String[] names = {"dev", "preprod", "prod"};
        for (int i = 0; i < stages; i++) {
            if (i % 3 == 0) {
                yaml.append("    - set_name: set").append(i / 3).append("\n      stages:\n");
            }
            yaml.append("        - stage_name: ").append(names[i % 3]).append('\n')
                    .append("          account: \"").append(200000000000L + i).append("\"\n");
        }
        return yaml.toString();
    }
}
