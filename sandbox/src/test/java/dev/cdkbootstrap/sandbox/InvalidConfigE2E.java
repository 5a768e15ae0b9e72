package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An invalid config fails the run at LoadConfig with every error line; no build starts. */
class InvalidConfigE2E {

    @Test
    void theRunFailsAtLoadConfigWithTheErrorLinesAndStartsNoBuild() throws Exception {
        try (var session = E2ESupport.open("invalid", "--config", E2ESupport.resource("invalid/cdk-app.yml").toString())) {
            var run = session.run(0);
            assertThat(run.status()).isEqualTo("FAILED");
            assertThat(run.error()).isEqualTo("dev.cdkbootstrap.workflow.error.ConfigInvalid");
            assertThat(run.cause()).contains("cdk_app_config.pipeline.account").contains("deploymens");
            assertThat(run.report()).isEmpty();
            assertThat(run.succeeded()).isFalse();
            assertThat(session.buildsStarted()).isZero();
            var history = session.session().sandbox().clients().sfn().getExecutionHistory(b -> b.executionArn(run.executionArn())).events();
            assertThat(history).noneMatch(e -> e.stateEnteredEventDetails() != null
                    && e.stateEnteredEventDetails().name().equals("BootstrapTargets"));
        }
    }

    @Test
    void theCliExitsOneAndWritesNoReport() throws Exception {
        var report = java.nio.file.Path.of("target/sandbox-e2e/invalid-cli/report.json");
        java.nio.file.Files.createDirectories(report.getParent());
        // a stale report.json (--report replaces only a report: docs/sandbox.md, "Options")
        java.nio.file.Files.writeString(report, "{\"runId\": \"stale\", \"targets\": []}");
        int exit = SandboxCli.run(java.util.List.of("--config", E2ESupport.resource("invalid/cdk-app.yml").toString(),
                "--work-dir", "target/sandbox-e2e/invalid-cli", "--report", report.toString()), System.out, System.err);
        assertThat(exit).isEqualTo(1);
        assertThat(report).doesNotExist();
    }
}
