package dev.cdkbootstrap.sandbox.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerLogsTest {
    private static final Logger PRODUCT = LogManager.getLogger("dev.cdkbootstrap.workflow.Example");
    private static final Logger LIBRARY = LogManager.getLogger("software.amazon.awssdk.Example");

    @Test
    void whileASandboxRunsTheHandlersLogJsonLinesToItsFileAndAfterwardsNoLonger(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lambda.log");
        try (HandlerLogs ignored = HandlerLogs.to(file)) {
            PRODUCT.info("planned run r1");
            PRODUCT.debug("below INFO: not written");
            LIBRARY.info("a library's INFO: not written");
            LIBRARY.warn("a library's WARN");
        }
        PRODUCT.info("after the sandbox: not in its file");

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode first = Json.strict().readTree(lines.get(0));
        assertThat(first.path("level").asText()).isEqualTo("INFO");
        assertThat(first.path("message").asText()).isEqualTo("planned run r1");
        assertThat(first.has("function_name")).as("the Lambda layout of log4j2.xml").isTrue();
        assertThat(Json.strict().readTree(lines.get(1)).path("message").asText()).isEqualTo("a library's WARN");
    }
}
