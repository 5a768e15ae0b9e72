package dev.cdkbootstrap.contract;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.handler.TestContext;
import dev.cdkbootstrap.handler.LoadConfigHandler;
import dev.cdkbootstrap.handler.NewAccountHandler;
import dev.cdkbootstrap.handler.RecordResultHandler;
import dev.cdkbootstrap.handler.SummarizeHandler;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.LoadConfigStep;
import dev.cdkbootstrap.workflow.NewAccountStep;
import dev.cdkbootstrap.workflow.RecordResultStep;
import dev.cdkbootstrap.workflow.TargetLock;
import dev.cdkbootstrap.workflow.WaitPolicy;
import dev.cdkbootstrap.workflow.SummarizeStep;
import dev.cdkbootstrap.workflow.inmemory.InMemoryExecutions;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The sample run of the project's events/ files, shared by the events contract tests: the artifact
 * bucket, run and clock the files name, an in-memory store, the handlers wired to it, and the files
 * handed over as bytes the way the Lambda runtime hands them to a RequestStreamHandler.
 */
abstract class EventsFixture {
    static final String BUCKET = "cdk-bootstrap-configbucket-1x2y3z4w5v6u";
    static final String CONFIG_VERSION = "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY";
    static final String RUN_ID = "run-20261125-0001";
    static final String STATE_MACHINE = "arn:aws:states:eu-west-1:999999999999:stateMachine:orchestrator-bootstrap";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T19:35:00Z"), ZoneOffset.UTC);

    static final WaitPolicy WAITS = new WaitPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30));

    final InMemoryObjectStore store = new InMemoryObjectStore();
    final TargetLock lock = new TargetLock(store, WAITS.lease(), CLOCK);

    void seedConfig() throws IOException {
        store.put(BUCKET, "cdk-app.yml", Files.readString(ProjectFiles.path("contract-tests/src/test/resources/single-set.yml")),
                CONFIG_VERSION);
    }

    LoadConfigHandler loadConfig() {
        return new LoadConfigHandler(new LoadConfigStep(store, new LoadConfigStep.Settings(BUCKET, "cdk-app.yml", "runs/", 10),
                dev.cdkbootstrap.workflow.Guardrails.none()));
    }

    RecordResultHandler recordResult() {
        return new RecordResultHandler(new RecordResultStep(store, lock, CLOCK));
    }

    /** Summarize publishing to people by recording each message's subject; its metrics go nowhere. */
    SummarizeHandler summarize(List<String> subjects) {
        return new SummarizeHandler(new SummarizeStep(store, Optional.of((subject, message) -> subjects.add(subject)),
                (runId, counts) -> { }));
    }

    NewAccountHandler newAccount(InMemoryExecutions starter) {
        return new NewAccountHandler(new NewAccountStep(store, starter,
                new NewAccountStep.Settings(BUCKET, "cdk-app.yml", STATE_MACHINE)));
    }

    static JsonNode event(String name) throws IOException {
        return Json.tolerant().readTree(bytes(name));
    }

    static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(ProjectFiles.path("events/" + name));
    }

    static byte[] invoke(RequestStreamHandler handler, String eventFile) throws IOException {
        return invoke(handler, bytes(eventFile));
    }

    static byte[] invoke(RequestStreamHandler handler, byte[] payload) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload), output, new TestContext("contract-test"));
        return output.toByteArray();
    }
}
