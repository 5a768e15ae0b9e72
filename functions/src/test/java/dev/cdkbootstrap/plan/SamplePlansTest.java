package dev.cdkbootstrap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The samples in the repository's examples/ produce exactly their expected plans (no policy files
 * beside them). Skipped only when functions/ is built on its own (as {@code sam build} does).
 */
class SamplePlansTest {
    /** From the functions module folder (surefire's working directory). */
    private static final Path EXAMPLES = Path.of("../examples");
    /** Present in a full checkout: then the samples must be there too. */
    private static final Path AGGREGATOR_POM = Path.of("../pom.xml");

    static Stream<String> samples() throws IOException {
        if (!Files.isDirectory(EXAMPLES)) {
            return Stream.of("(missing)");
        }
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("expected-")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void samplePlanMatchesItsExpectedTargets(String expectedName) throws IOException {
        assertThat(Files.isDirectory(EXAMPLES) || !Files.isRegularFile(AGGREGATOR_POM))
                .as("a full checkout has " + EXAMPLES.toAbsolutePath().normalize()).isTrue();
        assumeTrue(Files.isDirectory(EXAMPLES), "skipped: functions/ built on its own, no examples/ beside it");
        Path config = EXAMPLES.resolve(expectedName.substring("expected-".length()).replace(".json", ".yml"));
        Plan plan = ConfigPlanner.plan(config.getFileName().toString(), Files.readAllBytes(config),
                new DirectoryPolicyFiles(EXAMPLES)).plan();

        JsonNode expected = Json.strict().readTree(EXAMPLES.resolve(expectedName).toFile());
        List<String> want = new ArrayList<>();
        expected.get("targets").forEach(t -> want.add(t.get("account").asText() + "/" + t.get("region").asText()
                + " trust=" + t.get("trust") + " policies=" + t.get("policies") + " sources=" + t.get("sources")));
        List<String> got = plan.targets().stream().map(t -> t.id() + " trust=" + asJson(t.trust())
                + " policies=" + asJson(t.executionPolicies().stream().map(ExecutionPolicy::arn).toList())
                + " sources=" + asJson(t.sources())).toList();
        assertThat(got).containsExactlyInAnyOrderElementsOf(want);
    }

    private static String asJson(List<String> values) {
        try {
            return Json.strict().writeValueAsString(values);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
