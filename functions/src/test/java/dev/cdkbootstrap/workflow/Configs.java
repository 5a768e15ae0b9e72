package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.ExecutionInput;
import dev.cdkbootstrap.workflow.model.LoadConfigInput;
import dev.cdkbootstrap.workflow.model.RunContext;
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

    /**
     * LoadConfig of run {@code run-1} over {@code store}, its CONFIG_KEY {@code key} (an input may name no other),
     * CONFIG_BUCKET {@link #BUCKET}, runs under {@code runs/}, no guardrails.
     */
    public static RunContext load(InMemoryObjectStore store, String key, ExecutionInput execution) {
        return new LoadConfigStep(store, new LoadConfigStep.Settings(BUCKET, key, "runs/", 7), Guardrails.none())
                .run(new LoadConfigInput(execution, "run-1"));
    }
}
