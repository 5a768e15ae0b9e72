package dev.cdkbootstrap.commandline;

/** Exit codes of every {@code bootstrapctl} command (README, "Command reference"). */
public final class ExitCodes {
    /** Done; for a run: no target failed. */
    public static final int OK = 0;
    /** The input (config, policy files) is invalid, a target or run failed, or AWS refused. */
    public static final int INVALID = 1;
    /**
     * The command line itself is wrong: an unknown command or option, a missing or malformed value, a
     * missing file or a directory where a file is expected, an option naming an account or target the
     * config does not have. Found before anything starts; the message and the command's usage line are printed.
     */
    public static final int USAGE = 2;

    private ExitCodes() {}
}
