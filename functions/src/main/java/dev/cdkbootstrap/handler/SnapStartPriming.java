package dev.cdkbootstrap.handler;

import dev.cdkbootstrap.aws.AwsClients;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.model.ApprovalInput;
import dev.cdkbootstrap.workflow.model.ApprovalRequest;
import dev.cdkbootstrap.workflow.model.ExecutionInput;
import dev.cdkbootstrap.workflow.model.LoadConfigInput;
import dev.cdkbootstrap.workflow.model.NewAccountResult;
import dev.cdkbootstrap.workflow.model.Report;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.RunSummary;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetResult;
import dev.cdkbootstrap.workflow.model.TargetState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming the way Powertools for AWS Lambda (Java) primes its own modules: a CRaC
 * {@link Resource} registered at init, whose {@link #beforeCheckpoint} (run once, when Lambda
 * publishes a version and before it takes the snapshot)
 * <ol>
 *   <li>builds and caches the JSON (de)serializers of every payload type and runs the parser once,</li>
 *   <li>sends one request through each SDK client the functions use, answered inside the process
 *       ({@link AwsClients#prime()}: no AWS call, throw-away credentials, nothing resolved), and</li>
 *   <li>initialises the classes a real init and first invocation of every handler initialised
 *       ({@link #PRELOAD_LIST}, written by {@code ColdStartBenchmark --write-preload-list}).</li>
 * </ol>
 * Step 3 is Powertools' {@code ClassPreLoader} technique with our own loop, because
 * {@code ClassPreLoader.preloadClasses()} reads every {@code classesloaded.txt} on the classpath,
 * including powertools-metrics' own, which names its AspectJ aspects: without AspectJ (we use the
 * functional API) their initialisation throws {@code NoClassDefFoundError}, which ClassPreLoader does
 * not catch, and the checkpoint (the version's publication) would fail. For the same reason the list
 * leaves out classes that register their own CRaC hooks (Powertools' {@code MetricsFactory}).
 * Nothing unique (ids, random seeds, timestamps) and nothing credential-like is created, so every
 * restored copy of the snapshot is as fresh as a new container.
 */
public final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    /** Every payload our handlers read or write (docs/contracts.md). */
    static final List<Class<?>> PAYLOADS = List.of(ExecutionInput.class, LoadConfigInput.class, RunContext.class,
            TargetItem.class, TargetState.class, TargetResult.class, RunSummary.class, Report.class,
            NewAccountResult.class, ApprovalInput.class, ApprovalRequest.class);

    /** Class names, one per line, {@code #} comments (the format of Powertools' classesloaded.txt). */
    public static final String PRELOAD_LIST = "dev/cdkbootstrap/handler/preload-classes.txt";

    private final AwsClients clients;

    SnapStartPriming(AwsClients clients) {
        this.clients = clients;
    }

    /** Registers priming with the runtime's CRaC context; the caller keeps the returned (weakly held) resource. */
    static SnapStartPriming register(AwsClients clients) {
        SnapStartPriming priming = new SnapStartPriming(clients);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: no credentials, connections or unique values were created before the snapshot.
    }

    /** Runs the three priming steps; returns how many SDK requests were answered locally. */
    public int prime() {
        long start = System.nanoTime();
        primeJson();
        int requests = clients.prime();
        int classes = preloadClasses();
        LOG.info("SnapStart priming: {} payload types, {} SDK requests answered locally, {} classes initialised, {} ms",
                PAYLOADS.size(), requests, classes, (System.nanoTime() - start) / 1_000_000);
        return requests;
    }

    /** Initialises every listed class that is on the classpath; returns how many. */
    static int preloadClasses() {
        return preloadClasses(PRELOAD_LIST);
    }

    static int preloadClasses(String resource) {
        ClassLoader loader = SnapStartPriming.class.getClassLoader();
        InputStream list = loader.getResourceAsStream(resource);
        if (list == null) {
            return 0;
        }
        int loaded = 0;
        try (var lines = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name, true, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError absentOrUnusable) {
                    // Not in this package (shrunk away) or not usable here: the invocation would not need it.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }

    private static void primeJson() {
        try {
            for (Class<?> type : PAYLOADS) {
                // Eager fetch (Jackson's default) builds and caches the root (de)serializers.
                Json.strict().readerFor(type);
                Json.strict().writerFor(type);
            }
            Json.tolerant().writeValueAsBytes(Json.tolerant().readTree("{\"detail\":{\"eventName\":\"priming\"}}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
