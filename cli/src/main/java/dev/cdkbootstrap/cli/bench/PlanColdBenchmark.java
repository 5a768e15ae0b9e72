package dev.cdkbootstrap.cli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/bootstrapctl plan} in a cold JVM each time, on the 4-target sample and on a generated
 * 10,000-target config, alternating, a few repetitions: prints every wall time, the medians and the
 * 10,000 / 4 ratio (how much of a plan's cost is JVM start-up and class loading). Numbers only.
 * Usage: {@code java -cp cli/target/bootstrapctl.jar dev.cdkbootstrap.cli.bench.PlanColdBenchmark [repetitions=5]}
 * from the project root; the JVM flags are bin/bootstrapctl's.
 */
public final class PlanColdBenchmark {
    private PlanColdBenchmark() {}

    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = Path.of("cli/target/bootstrapctl.jar").toAbsolutePath();
        Path small = Path.of("examples/single-set.yml").toAbsolutePath();
        Path large = Files.createTempFile("plan-10000-", ".yml");
        Files.write(large, PlanBenchmark.config(10_000));
        long[] smallMs = new long[repetitions];
        long[] largeMs = new long[repetitions];
        run(jar, small); // the first JVM of all warms the OS page cache for the jar only
        for (int i = 0; i < repetitions; i++) {
            smallMs[i] = run(jar, small);
            largeMs[i] = run(jar, large);
        }
        Files.delete(large);
        long smallMedian = median(smallMs);
        long largeMedian = median(largeMs);
        System.out.printf(Locale.ROOT, "bootstrapctl plan, cold JVM each (%d cores, %s %s), wall ms%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "4 targets      %s  median %d%n", Arrays.toString(smallMs), smallMedian);
        System.out.printf(Locale.ROOT, "10,000 targets %s  median %d%n", Arrays.toString(largeMs), largeMedian);
        System.out.printf(Locale.ROOT, "ratio 10,000 / 4: %.2f%n", (double) largeMedian / smallMedian);
    }

    private static long run(Path jar, Path config) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-jar", jar.toString(), "plan",
                config.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("bootstrapctl plan " + config + " failed");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

}
