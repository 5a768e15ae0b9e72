package dev.cdkbootstrap.sandbox.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void elsewhereThanOnATerminalALineIsPrintedPerChangeNeverPerLook() {
        Progress progress = Progress.on(out, Progress.Mode.LINES);

        progress.show("  run r: targets done 0/4, state Map", "  run r: targets done 0/4, state Map (now: PrepareTarget x4)");
        progress.show("  run r: targets done 0/4, state Map", "  run r: targets done 0/4, state Map (now: 4 builds in progress)");
        progress.show("  run r: targets done 0/4, state Map", "  run r: targets done 0/4, state Map (now: 3 builds in progress)");
        progress.show("  run r: targets done 1/4, state Map", "  run r: targets done 1/4, state Map (now: VerifyTarget)");
        progress.clear();
        progress.end();

        assertThat(printed().lines().toList()).containsExactly(
                "  run r: targets done 0/4, state Map (now: PrepareTarget x4)",
                "  run r: targets done 1/4, state Map (now: VerifyTarget)");
        assertThat(printed()).doesNotContain("\r").doesNotContain("\033");
    }

    @Test
    void onATerminalOneLineIsRewrittenInPlaceOnEveryLookAndClearedAtTheEnd() {
        Progress progress = Progress.on(out, Progress.Mode.IN_PLACE);

        progress.show("k", "  run r: targets done 0/4");
        progress.show("k", "  run r: targets done 0/4 (now: 2 builds in progress)");
        progress.end();

        assertThat(printed()).isEqualTo("\r  run r: targets done 0/4\033[K\r  run r: targets done 0/4 (now: 2 builds in progress)"
                + "\033[K\r\033[K").doesNotContain("\n");
    }

    @Test
    void otherOutputOnALiveConsoleClearsTheStatusLineFirstAndGetsItBackAfterItsLine() {
        LiveConsole console = new LiveConsole(bytes, 40);

        console.status("  run r: planning");
        console.println("sandbox: [organizations] answered");
        console.status("  run r: targets done 1/4 and a status far too long for forty columns");

        assertThat(printed()).isEqualTo("\r  run r: planning\033[K" + "\r\033[K" + "sandbox: [organizations] answered\n"
                + "\r  run r: planning\033[K" + "\r  run r: targets done 1/4 and a status…\033[K");
    }

    @Test
    void aProgressOnALiveConsoleIsInPlaceAndLeftAloneUntilTheRunEnds() {
        LiveConsole console = new LiveConsole(bytes, 80);
        Progress progress = Progress.on(console);

        progress.show("k", "line");
        progress.show("k", "line");
        progress.clear(); // the console clears it itself before other output
        progress.end();

        assertThat(printed()).isEqualTo("\rline\033[K\r\033[K");
    }

    @Test
    void onATerminalAnotherStreamsOutputGetsTheLineClearedFirst() {
        Progress progress = Progress.on(out, Progress.Mode.IN_PLACE);

        progress.show("k", "line");
        progress.clear();
        out.println("  run r waits for approval");

        assertThat(printed()).isEqualTo("\rline\033[K\r\033[K  run r waits for approval\n");
    }
}
