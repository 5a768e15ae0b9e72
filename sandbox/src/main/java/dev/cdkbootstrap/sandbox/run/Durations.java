package dev.cdkbootstrap.sandbox.run;

import java.time.Duration;

/** A wall time as the consoles print it: {@code 850 ms}, {@code 34 s}, {@code 1 min 28 s}, {@code 2 h 5 min}. */
public final class Durations {
    private Durations() {}

    public static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 1) {
            return duration.toMillis() + " ms";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
