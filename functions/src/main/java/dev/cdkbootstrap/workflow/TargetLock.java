package dev.cdkbootstrap.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.model.RunRef;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One run at a time looks at and builds a target's toolkit: a lease object {@code locks/<account>-<region>-<stack>.json}
 * in the run's artifact bucket, created with S3's conditional write (If-None-Match), taken over only
 * when expired (If-Match on the expired lease's ETag), released by the holder at the end of the target.
 * A run that finds another's lease waits and then decides again (docs/workflow.md, "Concurrency").
 */
public final class TargetLock {
    static final String PREFIX = "locks/";
    private static final long MAX_LEASE_BYTES = 64 * 1024;

    private final ObjectStore store;
    private final Duration lease;
    private final Clock clock;

    /** The lease a run holds (or held) on a target. */
    public record Lease(String runId, String target, Instant acquiredAt, Instant expiresAt) {}

    /** {@code holder} is empty when this run now holds the lease, else the other run's lease. */
    public record Attempt(Optional<Lease> holder) {
        public boolean acquired() {
            return holder.isEmpty();
        }
    }

    public TargetLock(ObjectStore store, Duration lease, Clock clock) {
        this.store = store;
        this.lease = lease;
        this.clock = clock;
    }

    public static String key(Target target) {
        return PREFIX + target.account() + "-" + target.region() + "-" + target.toolkitStackName() + ".json";
    }

    /** Takes the target's lease for this run (again, if it already holds it); a live lease of another run wins. */
    public Attempt acquire(RunRef run, Target target) {
        String key = key(target);
        Instant now = clock.instant();
        byte[] mine = json(new Lease(run.runId(), target.id(), now, now.plus(lease)));
        for (int attempt = 0; attempt < 3; attempt++) { // a concurrent change between read and write: look again
            if (store.create(run.artifactBucket(), key, mine, "application/json")) {
                return new Attempt(Optional.empty());
            }
            Optional<ObjectStore.StoredObject> current = store.read(run.artifactBucket(), key, null, MAX_LEASE_BYTES);
            if (current.isEmpty()) {
                continue; // released meanwhile
            }
            Lease held = lease(current.get().content());
            if (held != null && !held.runId().equals(run.runId()) && held.expiresAt().isAfter(now)) {
                return new Attempt(Optional.of(held));
            }
            // ours already (a retried step), expired, or unreadable: replace exactly what was read
            if (store.replace(run.artifactBucket(), key, mine, "application/json", current.get().eTag())) {
                return new Attempt(Optional.empty());
            }
        }
        throw new IllegalStateException("lease " + key + " kept changing while run " + run.runId() + " tried to take it");
    }

    /** Gives the lease back if this run holds it; another run's lease is left alone. */
    public void release(RunRef run, Target target) {
        String key = key(target);
        store.read(run.artifactBucket(), key, null, MAX_LEASE_BYTES)
                .filter(object -> {
                    Lease held = lease(object.content());
                    return held == null || held.runId().equals(run.runId());
                })
                .ifPresent(object -> store.delete(run.artifactBucket(), key));
    }

    private static Lease lease(byte[] content) {
        try {
            return Json.strict().readValue(content, Lease.class);
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static byte[] json(Lease value) {
        try {
            return Json.strict().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
