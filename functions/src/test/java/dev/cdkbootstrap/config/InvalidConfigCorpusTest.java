package dev.cdkbootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.plan.ConfigPlanner;
import dev.cdkbootstrap.plan.DirectoryPolicyFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed or hostile file under {@code config/invalid/} is rejected with exactly the errors
 * listed for it in {@code expected-errors.txt} (one line per error: {@code FILE<TAB>LINE:COL PATH: MESSAGE};
 * {@code ${SDK_VERSION}} stands for the AWS SDK version that region messages name).
 * Policy files those configs reference sit in {@code config/invalid/policies/}.
 */
class InvalidConfigCorpusTest {

    static Path folder() throws URISyntaxException {
        return Path.of(InvalidConfigCorpusTest.class.getResource("/config/invalid").toURI());
    }

    static Map<String, List<String>> expectations() throws IOException, URISyntaxException {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(folder().resolve("expected-errors.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            expected.computeIfAbsent(parts[0], k -> new ArrayList<>())
                    .add(parts[1].replace("${SDK_VERSION}", Regions.SDK_VERSION));
        }
        return expected;
    }

    static Stream<String> files() throws IOException, URISyntaxException {
        try (Stream<Path> list = Files.list(folder())) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void isRejectedWithExactlyTheExpectedErrors(String name) throws Exception {
        byte[] content = Files.readAllBytes(folder().resolve(name));
        ConfigValidationException[] caught = new ConfigValidationException[1];
        assertThatThrownBy(() -> ConfigPlanner.plan(name, content, new DirectoryPolicyFiles(folder())))
                .isInstanceOfSatisfying(ConfigValidationException.class, e -> caught[0] = e);
        List<String> actual = caught[0].errors().stream()
                .peek(e -> assertThat(e.file()).isEqualTo(name))
                .map(e -> e.line() + ":" + e.column() + " " + e.path() + ": " + e.message()).toList();
        if (Boolean.getBoolean("corpus.print")) {
            actual.forEach(a -> System.out.println("CORPUS " + name + "\t" + a));
        }
        assertThat(actual).as(name).containsExactlyElementsOf(expectations().getOrDefault(name, List.of("(no expectation)")));
    }

    @ParameterizedTest
    @MethodSource("files")
    void theCorpusHasAnExpectationForEveryFile(String name) throws Exception {
        assertThat(expectations()).containsKey(name);
    }
}
