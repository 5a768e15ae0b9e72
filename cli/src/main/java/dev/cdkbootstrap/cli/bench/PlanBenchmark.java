package dev.cdkbootstrap.cli.bench;

import dev.cdkbootstrap.plan.ConfigPlanner;
import dev.cdkbootstrap.plan.PlanJson;
import dev.cdkbootstrap.plan.PlannedConfig;
import dev.cdkbootstrap.plan.PolicyFiles;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Planning cost versus size: generates configs of 4 to 30,000 targets (pipeline + sets of
 * dev/preprod/prod in rotating regions), warms up, then reports median wall and CPU time, bytes
 * allocated and heap retained by the result. Not a test: run it and read the numbers.
 *
 * <pre>java -cp cli/target/bootstrapctl.jar dev.cdkbootstrap.cli.bench.PlanBenchmark
 * java -cp cli/target/bootstrapctl.jar dev.cdkbootstrap.cli.bench.PlanBenchmark --write 10000 /tmp/10k.yml</pre>
 * The second form only writes the generated config, e.g. to time {@code bin/bootstrapctl plan} on it.
 */
public final class PlanBenchmark {
    private static final String[] REGIONS = {"eu-west-1", "us-east-1", "ap-southeast-2", "eu-central-1"};
    private static final PolicyFiles NO_FILES = path -> Optional.empty();

    private PlanBenchmark() {}

    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 3 && args[0].equals("--write")) {
            java.nio.file.Files.write(java.nio.file.Path.of(args[2]), config(Integer.parseInt(args[1])));
            return;
        }
        int[] sizes = {4, 1_000, 10_000, 30_000};
        byte[][] configs = Arrays.stream(sizes).mapToObj(PlanBenchmark::config).toArray(byte[][]::new);
        for (int round = 0; round < 3; round++) { // warm-up: let the JIT compile the hot paths
            for (byte[] config : configs) {
                plan(config);
            }
        }
        System.out.printf("%-8s %10s %10s %10s %12s %12s%n", "targets", "yaml KiB", "wall ms", "cpu ms", "alloc MiB", "retained MiB");
        for (int i = 0; i < sizes.length; i++) {
            measure(sizes[i], configs[i]);
        }
    }

    private static void measure(int targets, byte[] config) {
        int runs = targets <= 1_000 ? 50 : 7;
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        long[] alloc = new long[runs];
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        PlannedConfig kept = null;
        for (int r = 0; r < runs; r++) {
            long a0 = threads.getThreadAllocatedBytes(id);
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            kept = plan(config);
            wall[r] = System.nanoTime() - w0;
            cpu[r] = threads.getCurrentThreadCpuTime() - c0;
            alloc[r] = threads.getThreadAllocatedBytes(id) - a0;
        }
        if (kept.plan().targets().size() != targets) {
            throw new IllegalStateException("expected " + targets + " targets, got " + kept.plan().targets().size());
        }
        System.out.printf("%-8d %10d %10.2f %10.2f %12.1f %12.1f%n", targets, config.length / 1024,
                median(wall) / 1e6, median(cpu) / 1e6, median(alloc) / 1048576.0, retained(config) / 1048576.0);
    }

    private static PlannedConfig plan(byte[] config) {
        return ConfigPlanner.plan("bench.yml", config, NO_FILES);
    }

    /** Heap held by one plan (and its JSON) after a full GC. */
    private static long retained(byte[] config) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        PlannedConfig planned = plan(config);
        String json = PlanJson.write(planned.plan());
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        if (json.isEmpty()) {
            throw new IllegalStateException();
        }
        return Math.max(0, after - before);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A config with exactly {@code targets} targets: the pipeline plus (targets-1)/3 full sets. */
    static byte[] config(int targets) {
        int stages = targets - 1;
        StringBuilder sb = new StringBuilder("cdk_app_config:\n  pipeline:\n    account: \"100000000000\"\n"
                + "    region: eu-west-1\n  deployments:\n");
        String[] names = {"dev", "preprod", "prod"};
        for (int s = 0; s * 3 < stages; s++) {
            sb.append("    - set_name: set-").append(s).append("\n      default_region: ")
                    .append(REGIONS[s % REGIONS.length]).append("\n      stages:\n");
            for (int k = 0; k < 3 && s * 3 + k < stages; k++) {
                sb.append("        - {stage_name: ").append(names[k]).append(", account: \"")
                        .append(200_000_000_000L + s * 3L + k).append("\"}\n");
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
