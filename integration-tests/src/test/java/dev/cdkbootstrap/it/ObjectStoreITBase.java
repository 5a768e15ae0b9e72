package dev.cdkbootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.aws.S3ObjectStore;
import dev.cdkbootstrap.handler.Wiring;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.Plan;
import dev.cdkbootstrap.workflow.model.ExecutionInput;
import dev.cdkbootstrap.workflow.model.LoadConfigInput;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** {@link S3ObjectStore} and LoadConfig's S3 reads and writes, over HTTP against an emulator. */
abstract class ObjectStoreITBase {
    static final String BUCKET = "config-bucket";

    protected abstract Emulator emulator();

    private S3Client s3;
    private S3ObjectStore store;

    @BeforeEach
    void bucket() {
        s3 = new TestClients(emulator()).s3();
        s3.createBucket(r -> r.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(emulator().region())));
        store = new S3ObjectStore(s3);
    }

    private void put(String key, String text) {
        s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(text));
    }

    @Test
    void writtenObjectsAreReadBackWithTheirETag() {
        store.write(BUCKET, "runs/r/a.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "application/json");

        ObjectStore.StoredObject read = store.read(BUCKET, "runs/r/a.json", null, 1024).orElseThrow();

        assertThat(new String(read.content(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(read.eTag()).isNotBlank();
    }

    /** LoadConfig tells an old config version from the latest by HeadObject (ExecutionInputRules). */
    @Test
    void headGivesTheCurrentVersionAndAnOlderOneStaysReadableByItsId() {
        s3.putBucketVersioning(r -> r.bucket(BUCKET).versioningConfiguration(v -> v.status("Enabled")));
        String old = s3.putObject(r -> r.bucket(BUCKET).key("cdk-app.yml"), RequestBody.fromString("v1")).versionId();
        String latest = s3.putObject(r -> r.bucket(BUCKET).key("cdk-app.yml"), RequestBody.fromString("v2")).versionId();

        ObjectStore.Head head = store.head(BUCKET, "cdk-app.yml").orElseThrow();

        assertThat(head.versionId()).isEqualTo(latest).isNotEqualTo(old);
        assertThat(head.eTag()).isNotBlank();
        assertThat(new String(store.read(BUCKET, "cdk-app.yml", old, 1024).orElseThrow().content(), StandardCharsets.UTF_8))
                .isEqualTo("v1");
        assertThat(store.head(BUCKET, "missing.yml")).isEmpty();
        s3.deleteObject(r -> r.bucket(BUCKET).key("cdk-app.yml"));
        assertThat(store.head(BUCKET, "cdk-app.yml")).as("a delete marker is no current version").isEmpty();
    }

    /** The target lease (TargetLock) rests on S3's conditional writes: If-None-Match and If-Match. */
    @Test
    void conditionalWritesCreateOnceAndReplaceOnlyWhatWasRead() {
        byte[] first = "{\"runId\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        byte[] second = "{\"runId\":\"b\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(store.create(BUCKET, "locks/t.json", first, "application/json")).isTrue();
        assertThat(store.create(BUCKET, "locks/t.json", second, "application/json")).isFalse();
        String eTag = store.read(BUCKET, "locks/t.json", null, 1024).orElseThrow().eTag();
        assertThat(store.replace(BUCKET, "locks/t.json", second, "application/json", "\"0123456789abcdef\"")).isFalse();
        assertThat(store.replace(BUCKET, "locks/t.json", second, "application/json", eTag)).isTrue();
        assertThat(store.replace(BUCKET, "locks/t.json", first, "application/json", eTag)).as("that ETag is gone").isFalse();
        assertThat(store.read(BUCKET, "locks/t.json", null, 1024).orElseThrow().content()).isEqualTo(second);

        store.delete(BUCKET, "locks/t.json");
        store.delete(BUCKET, "locks/t.json");
        assertThat(store.read(BUCKET, "locks/t.json", null, 1024)).isEmpty();
        assertThat(store.replace(BUCKET, "locks/t.json", first, "application/json", eTag)).isFalse();
    }

    @Test
    void aMissingObjectIsEmpty() {
        assertThat(store.read(BUCKET, "nope.json", null, 1024)).isEmpty();
    }

    @Test
    void anObjectOverTheCapIsRefused() {
        put("big.yml", "x".repeat(2048));

        assertThatThrownBy(() -> store.read(BUCKET, "big.yml", null, 1024)).isInstanceOf(ObjectStore.ObjectTooLarge.class);
    }

    @Test
    void listingReturnsOnlyTheKeysDirectlyInTheFolder() {
        put("team/cdk-app.yml", "x");
        put("team/policies/p.json", "{}");
        put("other/q.json", "{}");

        assertThat(store.list(BUCKET, "team/")).containsExactly("team/cdk-app.yml");
        assertThat(store.list(BUCKET, "team/policies/")).containsExactly("team/policies/p.json");
    }

    @Test
    void listingTheBucketRootLeavesOutTheRunsFolder() {
        put("cdk-app.yml", "x");
        for (int run = 0; run < 1100; run++) {
            put("runs/run-" + run + "/targets.json", "[]");
        }

        assertThat(store.list(BUCKET, "")).containsExactly("cdk-app.yml");
    }

    @Test
    void loadConfigWritesThePlanAndTargetsToS3() throws Exception {
        put("team/cdk-app.yml", Samples.CONFIG);
        put("team/policies/dev.json", Samples.POLICY);
        Map<String, String> env = emulator().environment();
        env.put("CONFIG_BUCKET", BUCKET);
        env.put("CONFIG_KEY", "team/cdk-app.yml");

        RunContext run = Wiring.from(env).loadConfigStep().run(new LoadConfigInput(
                new ExecutionInput(BUCKET, "team/cdk-app.yml", null, null, null, "s3", null), "run-it"));

        assertThat(run.counts().planned()).isEqualTo(3);
        Plan plan = Json.strict().readValue(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("runs/run-it/plan.json"))
                .asByteArray(), Plan.class);
        assertThat(plan.targets()).hasSize(3);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(run.itemsKey())).asUtf8String())
                .contains("\"policies/dev.json\"");
    }
}
