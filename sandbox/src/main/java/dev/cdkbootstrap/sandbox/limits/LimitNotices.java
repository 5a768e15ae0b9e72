package dev.cdkbootstrap.sandbox.limits;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the limit checks report when they trip: written to sandbox.log at once (the checks run on the
 * front endpoint's threads) and kept until the run watcher prints them on the sandbox's output.
 */
public final class LimitNotices {
    private final PrintStream log;
    private final List<String> pending = new ArrayList<>();

    public LimitNotices(PrintStream log) {
        this.log = log;
    }

    public void add(String notice) {
        String line = "sandbox: [limit] " + notice;
        log.println(line);
        synchronized (pending) {
            pending.add(line);
        }
    }

    /** The notices not printed yet, oldest first; each is returned once. */
    public List<String> drain() {
        synchronized (pending) {
            List<String> lines = List.copyOf(pending);
            pending.clear();
            return lines;
        }
    }
}
