package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.cli.EndpointNamingHttpClient.Unreachable;
import dev.cdkbootstrap.commandline.ExitCodes;
import java.io.IOException;
import java.io.PrintStream;
import java.net.UnknownHostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * How every deployed-stack command (upload, run, status, report, approve, reject) ends when AWS or a lookup
 * fails: one line {@code bootstrapctl COMMAND: MESSAGE} on err, never the SDK's multi-line text. Exit codes
 * (README, "Command reference"): 2 when the SDK's default credential chain finds no credentials (a missing
 * setting of the environment, like a missing region, found before any request was sent); else 1 (AWS
 * refused, could not be reached, or the stack or run is not as expected). Usage errors go on to picocli (2).
 */
final class StackFailures {
    /** What to set, instead of the SDK's ~1,400 characters listing every provider it tried. */
    static final String NO_CREDENTIALS = "no AWS credentials: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"
            + " (the SDK's default chain found none)";
    /** How the SDK's default provider chain starts the message it throws when no provider has credentials. */
    private static final String CHAIN_FOUND_NONE = "Unable to load credentials from any of the providers in the chain";

    private StackFailures() {}

    @FunctionalInterface
    interface Work {
        int run() throws InterruptedException, IOException;
    }

    /** {@code work}'s exit code, or one line on {@code err} and the code above. */
    static int guarded(String command, PrintStream err, Work work) {
        return guarded(command, err, "", work);
    }

    /** @param accessDeniedHint appended to an AccessDenied answer (who may do this), or "" */
    static int guarded(String command, PrintStream err, String accessDeniedHint, Work work) {
        String prefix = "bootstrapctl " + command + ": ";
        try {
            return work.run();
        } catch (IllegalStateException | IOException e) {
            err.println(prefix + e.getMessage());
        } catch (SdkException e) {
            String message = message(e);
            err.println(prefix + message + (message.startsWith("AccessDenied") ? accessDeniedHint : ""));
            return noCredentials(e) ? ExitCodes.USAGE : ExitCodes.INVALID;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(prefix + "interrupted; the run goes on");
        }
        return ExitCodes.INVALID;
    }

    /**
     * One line for an AWS failure: the service's error code and message; no credentials; the endpoint that
     * could not be reached, where it was set and why; else the client's reason.
     */
    static String message(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
        }
        if (noCredentials(e)) {
            String profile = System.getenv("AWS_PROFILE");
            return NO_CREDENTIALS + (profile == null || profile.isBlank() ? ""
                    : "; AWS_PROFILE names \"" + profile + "\", which has none");
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Unreachable unreachable) {
                return "cannot reach " + unreachable.endpoint() + " (" + unreachable.source() + "): "
                        + reason(unreachable.getCause());
            }
        }
        return e.getMessage();
    }

    private static boolean noCredentials(SdkException e) {
        return !(e instanceof AwsServiceException) && e.getMessage() != null && e.getMessage().startsWith(CHAIN_FOUND_NONE);
    }

    private static String reason(Throwable cause) {
        if (cause instanceof UnknownHostException) {
            return "unknown host " + cause.getMessage();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
