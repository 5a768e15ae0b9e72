package dev.cdkbootstrap.sandbox.run;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A run's progress on a console: on a terminal one line rewritten in place ({@link LiveConsole}), updated on
 * every look; elsewhere (CI logs, a file, tests) a line each time the progress changes (targets done, the
 * state), never a line per poll. The mode is the terminal's when the output is this JVM's standard output
 * and that is a terminal ({@link #isTerminal}); tests choose it.
 */
public final class Progress {
    /** How progress is shown. */
    public enum Mode { IN_PLACE, LINES }

    private final PrintStream out;
    private final LiveConsole live;
    private String lastKey;

    private Progress(PrintStream out, LiveConsole live) {
        this.out = out;
        this.live = live;
    }

    /** Progress on {@code out}: in place when it is a {@link LiveConsole} or a terminal, else a line per change. */
    public static Progress on(PrintStream out) {
        if (out instanceof LiveConsole console) {
            return new Progress(out, console);
        }
        return on(out, out == System.out && isTerminal() ? Mode.IN_PLACE : Mode.LINES);
    }

    /** Progress on {@code out} in {@code mode} (in place: through a {@link LiveConsole} over {@code out}). */
    public static Progress on(PrintStream out, Mode mode) {
        if (mode == Mode.LINES) {
            return new Progress(out, null);
        }
        return out instanceof LiveConsole console ? new Progress(out, console)
                : new Progress(out, new LiveConsole(out, terminalWidth()));
    }

    /**
     * Shows the progress: {@code line} in place on a terminal; elsewhere {@code line} is printed when
     * {@code key} (what counts as a change, e.g. targets done and the state, not what runs this second)
     * differs from the last one printed.
     */
    public void show(String key, String line) {
        if (live != null) {
            live.status(line);
        } else if (!key.equals(lastKey)) {
            out.println(line);
            lastKey = key;
        }
    }

    /**
     * Before output that may not go through the {@link LiveConsole} (e.g. a caller's own stream): removes the
     * in-place line; nothing to do when {@code out} is that console, which clears and redraws it itself.
     */
    public void clear() {
        if (live != null && live != out) {
            live.clearStatus();
        }
    }

    /** The run is over: the in-place line is removed (a line per change leaves its lines). */
    public void end() {
        if (live != null) {
            live.clearStatus();
        }
    }

    /** Whether this JVM's standard output is a terminal (and TERM is not "dumb"). */
    public static boolean isTerminal() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try { // Java 22+: a Console exists even when redirected; it says whether it is a terminal
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException java21) {
            return true; // Java 21 makes a Console only for a terminal
        }
    }

    /** A wide enough guess when the terminal does not say: COLUMNS, else {@code stty size}, else 80. */
    public static int terminalWidth() {
        try {
            String columns = System.getenv("COLUMNS");
            if (columns != null) {
                return Integer.parseInt(columns.trim());
            }
            if (Files.exists(Path.of("/dev/tty"))) {
                Process stty = new ProcessBuilder("sh", "-c", "stty size < /dev/tty").redirectErrorStream(true).start();
                if (stty.waitFor(2, TimeUnit.SECONDS)) {
                    String[] size = new String(stty.getInputStream().readAllBytes()).trim().split("\\s+");
                    return Integer.parseInt(size[size.length - 1]);
                }
                stty.destroy();
            }
        } catch (Exception unknown) {
            // not a terminal that says
        }
        return 80;
    }
}
