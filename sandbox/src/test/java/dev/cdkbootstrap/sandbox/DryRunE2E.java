package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** A dry run plans every target with the reason a real run would act, and starts no build. */
class DryRunE2E {

    @Test
    void everyTargetIsPlannedWithItsReasonAndNoBuildStarts() throws Exception {
        try (var session = E2ESupport.open("dry-run", "--config", E2ESupport.resource("policies/cdk-app.yml").toString(), "--dry-run")) {
            var targets = E2ESupport.targets(session.run(0));
            assertThat(targets).hasSize(2);
            assertThat(targets.values()).allSatisfy(t -> {
                assertThat(t.path("outcome").asText()).isEqualTo("PLANNED");
                assertThat(t.path("reason").asText()).isNotBlank();
            });
            assertThat(session.run(0).succeeded()).isTrue();
            assertThat(session.buildsStarted()).isZero();
            assertThatThrownBy(() -> session.in("222222222222", "eu-central-1").iam()
                    .getPolicy(b -> b.policyArn("arn:aws:iam::222222222222:policy/sbx-exec-eu-central-1")))
                    .as("a dry run writes no policy").isInstanceOf(NoSuchEntityException.class);
        }
    }
}
