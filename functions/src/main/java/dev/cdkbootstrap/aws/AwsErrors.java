package dev.cdkbootstrap.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Reading AWS error codes the same way in every adapter. */
final class AwsErrors {
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "AuthFailure", "InvalidClientTokenId", "UnrecognizedClientException");

    private AwsErrors() {}

    static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
    }

    static boolean denied(AwsServiceException e) {
        return DENIED.contains(code(e)) || e.statusCode() == 403 && !e.isThrottlingException();
    }

    static String message(AwsServiceException e) {
        return e.awsErrorDetails() == null ? e.getMessage() : code(e) + ": " + e.awsErrorDetails().errorMessage();
    }
}
