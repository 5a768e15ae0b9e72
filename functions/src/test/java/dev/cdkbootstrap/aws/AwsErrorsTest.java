package dev.cdkbootstrap.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Which AWS errors in a target account count as "denied" (retryable TargetAccessDenied). */
class AwsErrorsTest {

    private static AwsServiceException error(String code, int status) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("msg").build()).build();
    }

    @Test
    void accessDeniedCodesOfEveryServiceAreDenied() {
        assertThat(AwsErrors.denied(error("AccessDenied", 403))).isTrue();          // STS, IAM, CloudFormation
        assertThat(AwsErrors.denied(error("AccessDeniedException", 400))).isTrue(); // SSM
        assertThat(AwsErrors.denied(error("UnauthorizedOperation", 403))).isTrue(); // EC2
    }

    @Test
    void validationAndThrottlingAreNotDenied() {
        assertThat(AwsErrors.denied(error("ValidationError", 400))).isFalse();
        assertThat(AwsErrors.denied(error("Throttling", 400))).isFalse();
    }

    @Test
    void theMessageNamesCodeAndText() {
        assertThat(AwsErrors.message(error("AccessDenied", 403))).isEqualTo("AccessDenied: msg");
    }
}
