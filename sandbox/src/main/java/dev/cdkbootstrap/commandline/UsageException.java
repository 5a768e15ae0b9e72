package dev.cdkbootstrap.commandline;

/**
 * The command line is wrong: {@link CommandLines} prints {@code bootstrapctl CMD: MESSAGE} and the command's
 * usage line, exit {@link ExitCodes#USAGE}. An {@link IllegalArgumentException}, so code that parses
 * options and reports bad values that way treats both alike.
 */
public final class UsageException extends IllegalArgumentException {
    public UsageException(String message) {
        super(message);
    }

    /** {@code e} as a usage error: a bad value found by code that reports it as IllegalArgumentException. */
    public static UsageException of(IllegalArgumentException e) {
        return e instanceof UsageException usage ? usage : new UsageException(e.getMessage());
    }
}
