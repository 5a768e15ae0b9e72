package dev.cdkbootstrap.commandline;

import picocli.CommandLine.Option;

/** {@code -h/--help} of every subcommand (the top command adds {@code --version}). */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
