package dev.cdkbootstrap.workflow;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetResult;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Reads a run's planned items ({@code targets.json}) and each target's result (in the run's
 * {@code results/}, or {@code preview/results/} for the approval gate's preview); a target without a
 * result is FAILED "no result recorded". Used by ReviewChanges and Summarize.
 */
final class RunResults {
    static final long MAX_OBJECT_BYTES = 64L * 1024 * 1024;
    static final int PARALLEL_READS = 16;

    private final ObjectStore store;

    RunResults(ObjectStore store) {
        this.store = store;
    }

    List<TargetItem> items(RunContext run) {
        byte[] content = store.read(run.artifactBucket(), run.itemsKey(), null, MAX_OBJECT_BYTES)
                .orElseThrow(() -> new IllegalStateException("the run's targets s3://" + run.artifactBucket()
                        + "/" + run.itemsKey() + " are missing"))
                .content();
        try {
            return Json.strict().readValue(content, new TypeReference<List<TargetItem>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + run.itemsKey(), e);
        }
    }

    /**
     * One GET per target, {@value #PARALLEL_READS} at a time: a 10,000-target run must be read well
     * inside the function's timeout. Results keep the order of targets.json.
     */
    List<TargetResult> results(RunContext run, List<TargetItem> items, boolean preview) {
        ThreadFactory daemons = Thread.ofPlatform().name("results-read-", 0).daemon().factory();
        int threads = Math.max(1, Math.min(PARALLEL_READS, items.size()));
        try (ExecutorService reads = Executors.newFixedThreadPool(threads, daemons)) {
            List<Future<TargetResult>> pending = items.stream()
                    .map(item -> reads.submit(() -> result(run, item, preview))).toList();
            List<TargetResult> results = new ArrayList<>(items.size());
            for (Future<TargetResult> result : pending) {
                results.add(await(result));
            }
            return results;
        }
    }

    private static TargetResult await(Future<TargetResult> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the run's results", e);
        }
    }

    private TargetResult result(RunContext run, TargetItem item, boolean preview) {
        String account = item.target().account();
        String region = item.target().region();
        String key = RunLayout.result(run.runFolder(), preview, account, region);
        return store.read(run.artifactBucket(), key, null, MAX_OBJECT_BYTES).map(object -> {
            try {
                return Json.strict().readValue(object.content(), TargetResult.class);
            } catch (IOException e) {
                return new TargetResult(account, region, Outcome.FAILED, ReasonCode.NO_RESULT, "unreadable result "
                        + key + ": " + e.getMessage(), null, null, null, null, null, null);
            }
        }).orElseGet(() -> TargetResult.missing(account, region));
    }
}
