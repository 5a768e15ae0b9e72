package dev.cdkbootstrap.sandbox.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AslIndexTest {
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:sandbox-";

    /** The project's own workflow, with function ARNs as the sandbox deploys them (alias qualifier included). */
    private static AslIndex workflow() throws Exception {
        String definition = Files.readString(Path.of(System.getProperty("sandbox.projectRoot", ".."))
                .resolve("statemachine/bootstrap.asl.json"));
        for (String step : new String[] {"LoadConfig", "PrepareTarget", "StartBootstrap", "CheckBootstrap", "VerifyTarget", "RecordResult",
                "Summarize"}) {
            definition = definition.replace("${" + step + "FunctionArn}", ARN + step + "Function:live");
        }
        return AslIndex.parse(definition);
    }

    @Test
    void eachFunctionIsFoundWithTheStateThatInvokesIt() throws Exception {
        AslIndex index = workflow();

        assertThat(index.states("sandbox-PrepareTargetFunction")).containsExactly("PrepareTarget");
        assertThat(index.states("sandbox-SummarizeFunction")).containsExactly("Summarize");
        assertThat(index.references("sandbox-RecordResultFunction")).isTrue();
        assertThat(index.references("sandbox-NewAccountFunction")).isFalse();
    }

    @Test
    void theTargetsMapCollectsNothingBecauseItWritesItsResultsToS3() throws Exception {
        AslIndex index = workflow();

        assertThat(index.collectingMap("sandbox-RecordResultFunction")).isEmpty();
        assertThat(index.collectingMap("sandbox-PrepareTargetFunction")).isEmpty();
        assertThat(index.unmeasurableMaps()).isEmpty();
    }

    @Test
    void aMapWithAResultWriterCollectsNothingAndOneEndingInAPassCannotBeMeasured() {
        String child = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"Parameters\":{\"FunctionName\":\"Work\"},\"OutputPath\":\"$.Payload\",\"Next\":\"P\"},"
                + "\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
        AslIndex index = AslIndex.parse("{\"StartAt\":\"A\",\"States\":{"
                + "\"A\":{\"Type\":\"Map\",\"ItemProcessor\":" + child + ",\"Next\":\"B\"},"
                + "\"B\":{\"Type\":\"Map\",\"ResultWriter\":{},\"ItemProcessor\":" + child.replace("\"P\":{\"Type\":\"Pass\",\"End\":true}",
                        "\"P\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:eu-west-1:123456789012:function:Last\",\"End\":true}")
                + ",\"End\":true}}}");

        assertThat(index.states("Work")).containsExactly("W", "W");
        assertThat(index.unmeasurableMaps()).containsOnlyKeys("A");
        assertThat(index.unmeasurableMaps().get("A")).contains("state 'P'");
        assertThat(index.collectingMap("Last")).isEmpty();
    }
}
