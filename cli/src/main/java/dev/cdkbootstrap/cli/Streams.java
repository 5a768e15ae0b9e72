package dev.cdkbootstrap.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * A bootstrapctl command that prints its results on {@code out} and its errors on {@code err} (those of
 * {@link BootstrapCtl#run}); picocli prints help and usage errors through the same streams. {@link #call}
 * returns the exit code ({@link dev.cdkbootstrap.commandline.ExitCodes}).
 */
abstract class Streams implements Callable<Integer> {
    final PrintStream out;
    final PrintStream err;

    Streams(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }
}
