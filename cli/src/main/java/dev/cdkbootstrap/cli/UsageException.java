package dev.cdkbootstrap.cli;

/** The command line is wrong (exit 2 with usage text). */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
