package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.sandbox.toolkit.BootstrapTemplate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** examples/day2 ends as its README says, and a second identical run changes nothing. */
class Day2SampleE2E {
    private static E2ESupport.Session session;

    @BeforeAll
    static void run() throws Exception {
        session = E2ESupport.open("day2-sample", "--config", E2ESupport.sample("day2/cdk-app.yml").toString(),
                "--given", E2ESupport.sample("day2/given.yml").toString(), "--rerun");
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theFirstRunBootstrapsTwoAndRefusesTheNewerToolkit() {
        int pinned = BootstrapTemplate.pinned(E2ESupport.projectRoot()).version();
        Map<String, JsonNode> first = E2ESupport.targets(session.run(0));
        JsonNode pipeline = first.get("111111111111/eu-west-1");
        assertThat(pipeline.path("outcome").asText()).isEqualTo("BOOTSTRAPPED");
        assertThat(pipeline.path("reasonCode").asText()).isEqualTo("SETTINGS_DIFFER");
        assertThat(pipeline.path("observed").path("trust")).isEmpty();
        assertThat(pipeline.path("observed").path("executionPolicies").get(0).asText())
                .isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(pipeline.path("observed").path("version").asInt()).isEqualTo(pinned);
        JsonNode dev = first.get("222222222222/eu-west-1");
        assertThat(dev.path("outcome").asText()).isEqualTo("BOOTSTRAPPED");
        assertThat(dev.path("reasonCode").asText()).isEqualTo("TOOLKIT_FAILED_CREATE");
        assertThat(dev.path("observed").path("trust").get(0).asText()).isEqualTo("111111111111");
        JsonNode prod = first.get("333333333333/eu-west-1");
        assertThat(prod.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(prod.path("reasonCode").asText()).isEqualTo("TOOLKIT_NEWER_THAN_PINNED");
        assertThat(prod.path("observed").path("version").asInt()).isEqualTo(40);
        assertThat(prod.path("observed").path("trust").get(0).asText()).isEqualTo("999999999999");
        assertThat(session.stackParameter("111111111111", "eu-west-1", "TrustedAccounts")).isEmpty();
        assertThat(session.stackParameter("333333333333", "eu-west-1", "TrustedAccounts")).isEqualTo("999999999999");
    }

    @Test
    void theSecondRunSkipsTheTwoAndRefusesTheThirdAgain() {
        Map<String, JsonNode> second = E2ESupport.targets(session.run(1));
        assertThat(second.get("111111111111/eu-west-1").path("reasonCode").asText()).isEqualTo("UP_TO_DATE");
        assertThat(second.get("222222222222/eu-west-1").path("reasonCode").asText()).isEqualTo("UP_TO_DATE");
        assertThat(second.get("333333333333/eu-west-1").path("reasonCode").asText()).isEqualTo("TOOLKIT_NEWER_THAN_PINNED");
        assertThat(session.run(1).status()).isEqualTo("FAILED");
        assertThat(session.buildsStarted()).as("builds only in the first run").isEqualTo(2);
    }
}
