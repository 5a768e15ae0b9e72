package dev.cdkbootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hints the own-command "did you mean" cannot give: an option of bootstrapctl, an option of another command. */
class CommandHintsTest {

    private static String firstLine(String... args) {
        Ctl.Result r = Ctl.inProcess(args);
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        return r.err().lines().findFirst().orElse("");
    }

    @Test
    void aCommandThatIsAnOptionOfBootstrapctlSuggestsTheOption() {
        assertThat(firstLine("version")).isEqualTo("bootstrapctl: unknown command \"version\"; did you mean \"--version\"?");
        assertThat(firstLine("verison")).isEqualTo("bootstrapctl: unknown command \"verison\"; did you mean \"--version\"?");
        // the command's own "did you mean" comes first
        assertThat(firstLine("valdate")).isEqualTo("bootstrapctl: unknown command \"valdate\"; did you mean \"validate\"?");
        assertThat(firstLine("frobnicate")).isEqualTo("bootstrapctl: unknown command \"frobnicate\"");
    }

    @Test
    void anOptionOfAnotherCommandSaysWhoseItIs() {
        assertThat(List.of(firstLine("validate", "--formt", "json", "x.yml"), firstLine("validate", "x.yml", "--format=json"),
                firstLine("status", "--stack", "s", "--dry-run"))).containsExactly(
                "bootstrapctl validate: unknown option \"--formt\"; \"--format\" is an option of plan and report, not of validate",
                "bootstrapctl validate: unknown option \"--format\"; \"--format\" is an option of plan and report, not of validate",
                "bootstrapctl status: unknown option \"--dry-run\"; \"--dry-run\" is an option of sandbox and run, not of status");
        // its own option is still what "did you mean" names
        assertThat(firstLine("plan", "x.yml", "--formt", "json"))
                .isEqualTo("bootstrapctl plan: unknown option \"--formt\"; did you mean \"--format\"?");
        assertThat(firstLine("validate", "--colour", "x.yml")).isEqualTo("bootstrapctl validate: unknown option \"--colour\"");
    }
}
