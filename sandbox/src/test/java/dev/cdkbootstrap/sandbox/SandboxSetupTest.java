package dev.cdkbootstrap.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.sandbox.organizations.EmulatedOrganization;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a session prints before its first run: an invalid config's errors, the emulated organization. */
class SandboxSetupTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void anInvalidThenConfigIsNamedWithItsErrorsAtTheLocalFile() throws Exception {
        Path file = Files.writeString(dir.resolve("v2.yml"), "cdk_app_config:\n  pipeline:\n    account: \"1\"\n");
        LocalConfig config = LocalConfig.read(file, dir);
        SandboxSetup.describeInvalid("--then-config " + file, config, out);
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("sandbox: --then-config " + file + " is invalid (the workflow will say so"
                + " too); uploading it anyway; ");
        assertThat(lines.get(1)).startsWith("sandbox:   " + file + ":");
        assertThat(lines).hasSizeLessThanOrEqualTo(4).allMatch(l -> !l.contains(" v2.yml:"));

        printed.reset();
        SandboxSetup.describeInvalid("the config", LocalConfig.read(
                SandboxCli.projectRoot().resolve("examples/single-set.yml"), dir), out);
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("a valid config: nothing").isEmpty();
    }

    @Test
    void anInvalidConfigStillNamesItsPipelineAccountWhenThatValueIsValid() throws Exception {
        Path invalid = Files.writeString(dir.resolve("a.yml"), """
                cdk_app_config:
                  pipeline:
                    account: "111111111111"
                    region: eu-west-1
                    unknown_key: x
                """);
        LocalConfig config = LocalConfig.read(invalid, dir);
        assertThat(config.plan()).isEmpty();
        assertThat(config.pipelineAccount()).contains("111111111111");

        Path badAccount = Files.writeString(dir.resolve("b.yml"), "cdk_app_config:\n  pipeline:\n    account: \"1\"\n");
        assertThat(LocalConfig.read(badAccount, dir).pipelineAccount()).as("moto's default then").isEmpty();
        assertThat(LocalConfig.read(SandboxCli.projectRoot().resolve("examples/single-set.yml"), dir).pipelineAccount())
                .as("a valid config: its plan's").isPresent();
    }

    @Test
    void theMembersArePrintedOnceCountedAndCut() {
        List<String> accounts = IntStream.range(10, 22).mapToObj(i -> "2000000000" + i).toList();
        EmulatedOrganization org = EmulatedOrganization.of(SandboxOrganization.DEFAULT_ID, "100000000000", accounts, List.of());
        SandboxOrganization.describe(Optional.of(org), SandboxOptions.parse(List.of("c.yml")), out);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("sandbox: emulating organization o-sandbox0001"
                + " (management account 100000000000): 13 members: 100000000000, 200000000010, 200000000011, 200000000012,"
                + " 200000000013, 200000000014, 200000000015, 200000000016, 200000000017, 200000000018 and 3 more\n");
    }
}
