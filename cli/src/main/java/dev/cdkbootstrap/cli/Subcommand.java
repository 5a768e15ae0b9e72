package dev.cdkbootstrap.cli;

import java.io.PrintStream;
import java.util.List;

/** One {@code bootstrapctl <name>} command. Returns the process exit code; never throws for bad input. */
@FunctionalInterface
public interface Subcommand {
    int run(List<String> args, PrintStream out, PrintStream err);
}
