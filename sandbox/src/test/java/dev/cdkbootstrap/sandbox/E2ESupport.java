package dev.cdkbootstrap.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** Shared by the end-to-end tests: run a sandbox session and look into the emulator afterwards. */
final class E2ESupport {
    private E2ESupport() {}

    static Path projectRoot() {
        return Path.of(System.getProperty("sandbox.projectRoot", "..")).toAbsolutePath().normalize();
    }

    static Path sample(String name) {
        return projectRoot().resolve("examples").resolve(name).normalize();
    }

    static Path resource(String relative) {
        return Path.of("src/test/resources/e2e").resolve(relative).toAbsolutePath();
    }

    /** A session with the given CLI arguments (work dir under target/sandbox-e2e/{@code name}). */
    static Session open(String name, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--work-dir", "target/sandbox-e2e/" + name));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new TeeStream(buffer, System.out), true, StandardCharsets.UTF_8);
        SandboxOptions options = SandboxOptions.parse(all);
        SandboxSession session = SandboxSession.open(options, projectRoot(), out);
        return new Session(session, session.runAll(), buffer);
    }

    record Session(SandboxSession session, List<RunOutcome> outcomes, ByteArrayOutputStream output) implements AutoCloseable {
        RunOutcome run(int index) {
            return outcomes.get(index);
        }

        String printed() {
            return output.toString(StandardCharsets.UTF_8);
        }

        EmulatorClients in(String account, String region) {
            return session.sandbox().clients().inAccount(account, region);
        }

        int buildsStarted() {
            return session.sandbox().codeBuild().startedBuilds();
        }

        Stack toolkitStack(String account, String region) {
            return in(account, region).cloudFormation().describeStacks(b -> b.stackName("CDKToolkit")).stacks().get(0);
        }

        String stackParameter(String account, String region, String key) {
            return toolkitStack(account, region).parameters().stream().filter(p -> p.parameterKey().equals(key))
                    .findFirst().orElseThrow().parameterValue();
        }

        /**
         * Drift made by hand: the toolkit stack updated with its own template and one parameter changed (e.g.
         * someone edited TrustedAccounts in the console), every other parameter kept.
         */
        void changeStackParameter(String account, String region, String key, String value) {
            List<Parameter> parameters = toolkitStack(account, region).parameters().stream()
                    .map(p -> Parameter.builder().parameterKey(p.parameterKey())
                            .parameterValue(p.parameterKey().equals(key) ? value : p.parameterValue()).build())
                    .toList();
            in(account, region).cloudFormation().updateStack(b -> b.stackName("CDKToolkit").usePreviousTemplate(true)
                    .parameters(parameters).capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM));
        }

        String bootstrapVersion(String account, String region) {
            return in(account, region).ssm().getParameter(b -> b.name("/cdk-bootstrap/hnb659fds/version")).parameter().value();
        }

        @Override
        public void close() {
            session.close();
        }
    }

    /**
     * account/region → the target's entry of a report; fails when the report says the Map state itself
     * failed (no E2E run expects that: a moto difference would hide behind the Map's Catch otherwise).
     */
    static Map<String, JsonNode> targets(RunOutcome outcome) {
        Map<String, JsonNode> targets = new LinkedHashMap<>();
        JsonNode report = outcome.report().orElseThrow(() -> new AssertionError("run " + outcome.runId()
                + " wrote no report: " + outcome.error() + " " + outcome.cause()));
        if (!report.path("mapFailure").isNull()) {
            throw new AssertionError("run " + outcome.runId() + ": the Map state failed: " + report.path("mapFailure"));
        }
        report.path("targets").forEach(t -> targets.put(t.path("account").asText() + "/" + t.path("region").asText(), t));
        return targets;
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
