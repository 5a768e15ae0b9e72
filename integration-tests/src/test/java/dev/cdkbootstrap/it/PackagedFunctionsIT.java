package dev.cdkbootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.SandboxCli;
import dev.cdkbootstrap.sandbox.bench.PackagedFunctions.Invocation;
import dev.cdkbootstrap.sandbox.bench.PackagedRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every handler loaded from the Lambda package (functions/target/lambda/lib, what `sam build` deploys)
 * in its own fresh JVM whose class path is only the package's jars plus the runtime stand-in: init,
 * the SnapStart checkpoint hook, and one real invocation against the emulator, chained as the state
 * machine chains them. A shrinker rule that removed something a handler needs fails here.
 */
class PackagedFunctionsIT {

    @Test
    void everyHandlerOfThePackageInitialisesPrimesAndRunsAgainstTheEmulator() throws Exception {
        Path root = SandboxCli.projectRoot();
        List<Invocation> runs;
        try (PackagedRun run = PackagedRun.open(root, Path.of("target", "packaged-functions-it"), List.of())) {
            String lib = root.resolve("functions/target/lambda/lib").toString();
            assertThat(run.functions().classPath().split(File.pathSeparator))
                    .allSatisfy(entry -> assertThat(entry.startsWith(lib) || entry.endsWith("launcher")).as(entry).isTrue());
            runs = run.runAll(true);
        }

        assertThat(runs).extracting(Invocation::function).containsExactly("LoadConfigFunction", "PrepareTargetFunction",
                "StartBootstrapFunction", "CheckBootstrapFunction", "CheckBootstrapFunction-1", "VerifyTargetFunction",
                "RecordResultFunction",
                "SummarizeFunction", "NewAccountFunction");
        for (Invocation invocation : runs) {
            String log = Files.readString(invocation.log());
            assertThat(invocation.error()).as(invocation.function() + " (log " + invocation.log() + ")").isEmpty();
            assertThat(log).as(invocation.function() + " log").contains("SnapStart priming: ")
                    .contains("13 SDK requests answered locally")
                    .doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "VerifyError", "NoSuchMethodError",
                            "NoSuchFieldError", "Could not create plugin", "ERROR StatusLogger");
        }
        Map<String, JsonNode> out = runs.stream().collect(Collectors.toMap(Invocation::function, PackagedFunctionsIT::json,
                (a, b) -> b));
        assertThat(out.get("LoadConfigFunction").path("counts").path("planned").asInt()).isEqualTo(1);
        assertThat(out.get("PrepareTargetFunction").path("decision").asText()).isEqualTo("BOOTSTRAP");
        assertThat(out.get("PrepareTargetFunction").path("reason").asText()).contains("created execution policy");
        assertThat(out.get("StartBootstrapFunction").path("build").path("id").asText()).isNotEmpty();
        assertThat(out.get("CheckBootstrapFunction-1").path("build").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(out.get("VerifyTargetFunction").path("verification").path("converged").asBoolean()).isTrue();
        assertThat(out.get("RecordResultFunction").path("outcome").asText()).isEqualTo("BOOTSTRAPPED");
        assertThat(out.get("SummarizeFunction").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(out.get("NewAccountFunction").path("action").asText()).isEqualTo("IGNORED");
    }

    private static JsonNode json(Invocation invocation) {
        try {
            return Json.tolerant().readTree(invocation.output());
        } catch (Exception e) {
            throw new AssertionError(invocation.function() + " wrote no JSON: " + invocation.output(), e);
        }
    }

}
