package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.sandbox.toolkit.BootstrapTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * The day-2 options together, with simulated builds: --given stacks in three targets, --double-upload,
 * --noop-build, --then-config. Asserts what the sandbox itself guarantees (runs, emulator state, build
 * logs), not the product's decisions, which have their own tests.
 */
class Day2OptionsE2E {
    private static final String NOOP = "111111111111/eu-west-1";
    private static E2ESupport.Session session;

    @BeforeAll
    static void run() throws Exception {
        session = E2ESupport.open("day2-options", "--config", E2ESupport.sample("single-set.yml").toString(),
                "--given", E2ESupport.resource("day2/given.yml").toString(),
                "--then-config", E2ESupport.resource("day2/cdk-app-v2.yml").toString(),
                "--noop-build", NOOP, "--double-upload", "--simulated-builds");
    }

    @AfterAll
    static void close() {
        if (session != null) session.close();
    }

    @Test
    void theGivenStacksArePrintedRealOrPresented() {
        assertThat(session.printed())
                .contains("--given 222222222222/eu-west-1 CDKToolkit (version 30, ").contains("CREATE_COMPLETE, real")
                .contains("ROLLBACK_COMPLETE, presented until the stack is next changed")
                .contains("variant 'Acme: hardened'").contains("--simulated-builds: builds run no node")
                .contains("--noop-build " + NOOP);
    }

    @Test
    void bothUploadsAndTheSecondConfigRanToTheirReports() {
        assertThat(session.outcomes()).hasSize(3);
        assertThat(session.outcomes()).allSatisfy(o -> assertThat(o.report()).as(o.runId()).isPresent());
        RunOutcome first = session.run(0);
        RunOutcome second = session.run(1);
        assertThat(first.runId()).isNotEqualTo(second.runId());
        assertThat(E2ESupport.targets(second)).hasSize(4);
        // the first upload's run plans them too, unless it read the config after the second upload (superseded)
        boolean superseded = first.report().orElseThrow().path("config").path("superseded").asBoolean();
        assertThat(E2ESupport.targets(first)).hasSize(superseded ? 0 : 4);
        assertThat(E2ESupport.targets(session.run(2))).as("the second config has no prod").hasSize(3)
                .doesNotContainKey("444444444444/eu-west-1");
        assertThat(session.printed()).contains("--double-upload: uploading the same file again")
                .contains("--then-config: uploading");
    }

    @Test
    void theNoopTargetIsLeftWithoutAToolkit() throws Exception {
        assertThatThrownBy(() -> session.toolkitStack("111111111111", "eu-west-1"))
                .isInstanceOf(CloudFormationException.class).hasMessageContaining("does not exist");
        Path builds = session.session().sandbox().logDir().resolve("builds"); // this session's log folder
        try (var logs = Files.list(builds)) {
            assertThat(logs.filter(f -> f.toString().endsWith(".log")).map(Day2OptionsE2E::read))
                    .anySatisfy(log -> assertThat(log).contains("--noop-build " + NOOP + ": cdk bootstrap exits 0"));
        }
    }

    @Test
    void theFailedCreationWasReplacedAndTheCustomVariantLeftAlone() {
        Stack replaced = session.toolkitStack("333333333333", "eu-west-1");
        assertThat(replaced.stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
        assertThat(replaced.stackStatusReason()).as("no longer presented").isNull();
        assertThat(session.bootstrapVersion("333333333333", "eu-west-1"))
                .isEqualTo(Integer.toString(BootstrapTemplate.pinned(E2ESupport.projectRoot()).version()));
        assertThat(session.stackParameter("444444444444", "eu-west-1", "BootstrapVariant")).isEqualTo("Acme: hardened");
        assertThat(session.stackParameter("444444444444", "eu-west-1", "TrustedAccounts")).as("never overwritten").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
