package dev.cdkbootstrap.sandbox.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A terminal's standard output with one status line at the bottom, rewritten in place ({@code \r}, the
 * line, then "erase to end of line"): whatever else is printed through this stream, from any thread,
 * first clears the status line, and the status is drawn again after that output's line ends, so a
 * progress line never gets mixed into other lines. Only for a terminal: elsewhere (CI logs, files, tests)
 * progress is a line per change ({@link Progress}).
 */
public final class LiveConsole extends PrintStream {
    private static final String ERASE_LINE = "\033[K";

    private final Guard guard;

    private LiveConsole(Guard guard) {
        super(guard, true, StandardCharsets.UTF_8);
        this.guard = guard;
    }

    /** A console over {@code terminal}, whose lines are {@code width} characters wide (longer statuses are cut). */
    public LiveConsole(OutputStream terminal, int width) {
        this(new Guard(terminal, width));
    }

    /** Shows {@code line} as the status line, in place of the one shown. */
    public void status(String line) {
        guard.status(line);
    }

    /** Removes the status line (e.g. before the report table). */
    public void clearStatus() {
        guard.status("");
    }

    private static final class Guard extends OutputStream {
        private final OutputStream terminal;
        private final int width;
        private String status = "";
        private boolean midLine;

        Guard(OutputStream terminal, int width) {
            this.terminal = terminal;
            this.width = Math.max(20, width);
        }

        synchronized void status(String line) {
            String fitted = line.length() < width ? line : line.substring(0, width - 2) + "…";
            if (fitted.equals(status)) {
                return;
            }
            status = fitted;
            if (!midLine) {
                raw("\r" + fitted + ERASE_LINE);
            }
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            if (!midLine && !status.isEmpty()) {
                raw("\r" + ERASE_LINE);
            }
            terminal.write(b, off, len);
            midLine = b[off + len - 1] != '\n';
            if (!midLine && !status.isEmpty()) {
                raw("\r" + status + ERASE_LINE);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            terminal.flush();
        }

        private void raw(String text) {
            try {
                terminal.write(text.getBytes(StandardCharsets.UTF_8));
                terminal.flush();
            } catch (IOException e) {
                // a closed terminal: nothing to show progress on
            }
        }
    }
}
