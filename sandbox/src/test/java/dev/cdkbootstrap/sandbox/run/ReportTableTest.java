package dev.cdkbootstrap.sandbox.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTableTest {

    @Test
    void eachTargetShowsItsReasonCodeOrADashBeforeTheProductWritesOne() throws Exception {
        JsonNode report = Json.tolerant().readTree("""
                {"status":"FAILED","counts":{"bootstrapped":0,"skipped":1,"failed":1,"planned":0},"targets":[
                 {"account":"111111111111","region":"eu-west-1","outcome":"FAILED","reasonCode":"TOOLKIT_NEEDS_OPERATOR","reason":"r1"},
                 {"account":"222222222222","region":"eu-west-1","outcome":"SKIPPED","reason":"r2"}]}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ReportTable.print(new RunOutcome("arn", "run-1", "FAILED", Optional.of(report), null, null, List.of()),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("OUTCOME").contains("CODE").contains("REASON"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("111111111111").contains("TOOLKIT_NEEDS_OPERATOR").endsWith("r1"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(".*222222222222 +eu-west-1 +SKIPPED +- +r2"));
    }
}
