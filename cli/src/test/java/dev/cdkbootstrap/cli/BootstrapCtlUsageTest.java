package dev.cdkbootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors, help and the sandbox's registration: what bootstrapctl says before it reads any config. */
class BootstrapCtlUsageTest {
    @TempDir
    Path dir;

    private Ctl.Result run(String... args) {
        return Ctl.inProcess(args);
    }

    @Test
    void usageErrorsExitTwoWithUsageText() {
        List<Ctl.Result> results = new ArrayList<>(List.of(run(), run("frobnicate"), run("validate"),
                run("plan", "a.yml", "--format", "xml"), run("plan", "a.yml", "--bogus"),
                run("validate", "a.yml", "b.yml"), run("plan", "a.yml", "--policies-dir"),
                run("plan", "a.yml", "--policies-dir", dir.resolve("absent").toString()),
                run("validate", "a.yml", "--format", "json")));
        assertThat(results).allSatisfy(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains("Usage: bootstrapctl");
        });
        assertThat(results.subList(1, results.size())).allSatisfy(r -> assertThat(r.err()).contains("See 'bootstrapctl"));
        assertThat(results.get(3).err()).startsWith("bootstrapctl plan: --format must be json or text, got \"xml\"");
    }

    @Test
    void approveAndRejectNeedAStackAndOneRunId() {
        List<Ctl.Result> results = List.of(run("approve"), run("approve", "run-1"), run("reject", "--stack", "s"),
                run("reject", "--stack", "s", "run-1", "run-2"), run("approve", "--stack"),
                run("approve", "--stack", "s", "run-1", "--bogus"),
                run("approve", "--stack", "s", "run-1", "--endpoint-url", "notaurl"));
        assertThat(results).allSatisfy(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).containsAnyOf("Usage: bootstrapctl approve", "Usage: bootstrapctl reject")
                    .contains("--stack=NAME RUN_ID");
        });
        assertThat(results.get(0).err()).startsWith("bootstrapctl approve: needs --stack NAME and RUN_ID");
        assertThat(results.get(3).err()).startsWith("bootstrapctl reject: unexpected argument \"run-2\"");
        assertThat(results.get(6).err()).startsWith("bootstrapctl approve: --endpoint-url must be an http(s) URL");
    }

    @Test
    void helpPrintsUsageOnStdoutAndExitsZero() {
        Ctl.Result r = run("help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: bootstrapctl [-hV] COMMAND").contains("  validate  ", "  plan  ", "  sandbox  ");
    }

    @Test
    void aMissingFileIsAUsageErrorNamingIt() {
        String file = dir.resolve("nope.yml").toString();
        Ctl.Result r = run("validate", file);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("bootstrapctl validate: " + file + ": no such file\nUsage: bootstrapctl validate");
    }

    @Test
    void sandboxIsRegisteredAndRejectsAMissingConfigAsUsageError() {
        Ctl.Result help = run("help");
        assertThat(help.out()).contains("  sandbox   Run the whole workflow offline");

        Ctl.Result missing = run("sandbox");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("bootstrapctl sandbox: needs FILE (or --config FILE)");

        Ctl.Result absent = run("sandbox", "--config", dir.resolve("nope.yml").toString());
        assertThat(absent.code()).isEqualTo(2);
        assertThat(absent.err()).startsWith("bootstrapctl sandbox: " + dir.resolve("nope.yml") + ": no such file");

        Ctl.Result options = run("sandbox", "--help");
        assertThat(options.code()).isZero();
        assertThat(options.out()).contains("--then-new-account=ACCOUNT").contains("--failing-build");
    }
}
