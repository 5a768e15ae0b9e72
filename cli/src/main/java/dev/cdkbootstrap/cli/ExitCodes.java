package dev.cdkbootstrap.cli;

/** Exit codes of every subcommand. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The input (config, policy files) is invalid, or the work failed. */
    public static final int INVALID = 1;
    /** The command line itself is wrong; usage text is printed. */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
