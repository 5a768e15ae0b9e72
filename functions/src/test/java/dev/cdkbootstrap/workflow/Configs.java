package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test configs of {@code src/test/resources/configs}, placed in a bucket like an operator would. */
public final class Configs {
    public static final String BUCKET = "config-bucket";

    private Configs() {}

    public static String text(String name) {
        try (InputStream in = Configs.class.getResourceAsStream("/configs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code team/cdk-app.yml} with its dev policy at {@code team/policies/dev.json}. */
    public static InMemoryObjectStore validConfigIn(InMemoryObjectStore store) {
        return store.put(BUCKET, "team/cdk-app.yml", text("cdk-app.yml"))
                .put(BUCKET, "team/policies/dev.json", text("dev-policy.json"));
    }
}
