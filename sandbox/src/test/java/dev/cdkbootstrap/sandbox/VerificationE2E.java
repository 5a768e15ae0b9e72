package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;

/**
 * A build that exits 0 proves nothing: a target whose `cdk bootstrap` exits 0 and changes nothing
 * (--noop-build) is FAILED NOT_CONVERGED, and the sandbox exits 1.
 */
class VerificationE2E {
    private static final String NOOP = "222222222222/eu-west-1";

    @Test
    void aBuildThatChangedNothingIsNotConvergedAndTheRunExitsOne() throws Exception {
        Path report = Path.of("target/sandbox-e2e/verification/report.json");
        Files.createDirectories(report.getParent().getParent()); // --work-dir's parent must exist
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        int exit = SandboxCli.run(List.of("--config", E2ESupport.sample("single-set.yml").toString(),
                "--noop-build", NOOP, "--work-dir", "target/sandbox-e2e/verification"), out, System.err);

        assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        JsonNode written = Json.tolerant().readTree(Files.readString(report));
        for (JsonNode target : written.path("targets")) {
            String id = target.path("account").asText() + "/" + target.path("region").asText();
            if (id.equals(NOOP)) {
                assertThat(target.path("outcome").asText()).isEqualTo("FAILED");
                assertThat(target.path("reasonCode").asText()).isEqualTo("NOT_CONVERGED");
                assertThat(target.path("reason").asText()).contains("cdk bootstrap exited 0", "toolkit stack CDKToolkit not found");
                assertThat(target.path("buildId").isNull()).as("a build ran").isFalse();
                assertThat(target.path("observed").path("stackStatus").isNull()).as("still no stack").isTrue();
            } else {
                assertThat(target.path("outcome").asText()).as(id).isEqualTo("BOOTSTRAPPED");
            }
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("NOT_CONVERGED");
        // the console: the failed target with its whole reason and its build log (a file under this session's
        // logs), report.md beside report.json, and the final status line last, with the wall time
        assertThat(printed.toString(StandardCharsets.UTF_8)).containsPattern("  failed: " + NOOP
                + ": the build succeeded \\(cdk bootstrap exited 0\\).* — build log: .*target/sandbox-e2e/verification/logs/"
                + "\\d{8}-\\d{6}(-\\d+)?/builds/.*\\.log");
        assertThat(Files.readString(report.resolveSibling("report.md"))).contains("## Failed targets")
                .contains("**" + NOOP + "** NOT_CONVERGED").contains("4 targets: 3 bootstrapped, 1 failed");
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getLast()).matches("sandbox: FAILED in [^:]+: run [0-9a-f-]+: 4 targets: 3 bootstrapped, 1 failed");
    }

    @Test
    void theEmulatorHoldsNoToolkitWhereTheBuildChangedNothing() throws Exception {
        try (var session = E2ESupport.open("verification-state", "--config", E2ESupport.sample("single-set.yml").toString(),
                "--noop-build", NOOP, "--simulated-builds")) {
            assertThat(E2ESupport.targets(session.run(0)).get(NOOP).path("reasonCode").asText()).isEqualTo("NOT_CONVERGED");
            assertThatThrownBy(() -> session.toolkitStack("222222222222", "eu-west-1"))
                    .isInstanceOf(CloudFormationException.class).hasMessageContaining("does not exist");
            assertThat(session.toolkitStack("333333333333", "eu-west-1").stackStatusAsString()).endsWith("_COMPLETE");
        }
    }
}
