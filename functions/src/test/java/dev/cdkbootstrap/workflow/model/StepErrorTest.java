package dev.cdkbootstrap.workflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Causes reach reports and notifications as their message, never a stack trace. */
class StepErrorTest {

    @Test
    void aLambdaErrorGivesItsErrorMessageAndNothingOfItsStackTraceOrCause() {
        String cause = "{\"errorMessage\":\"cannot assume role X\",\"errorType\":\"dev.cdkbootstrap.workflow.error"
                + ".TargetAccessDenied\",\"stackTrace\":[\"dev.cdkbootstrap.aws.StsTargetConnector.connect"
                + "(StsTargetConnector.java:61)\"],\"cause\":{\"errorMessage\":\"inner\",\"stackTrace\":[\"a.B(B.java:1)\"]}}";

        assertThat(StepError.message(cause)).isEqualTo("cannot assume role X");
        assertThat(new StepError("dev.cdkbootstrap.workflow.error.TargetAccessDenied", cause).message())
                .isEqualTo("cannot assume role X");
    }

    @Test
    void aLambdaErrorWithoutAMessageGivesItsType() {
        assertThat(StepError.message("{\"errorType\":\"java.lang.NullPointerException\",\"stackTrace\":[\"a.B(B.java:1)\"]}"))
                .isEqualTo("java.lang.NullPointerException");
        assertThat(StepError.message("{\"stackTrace\":[\"a.B(B.java:1)\"]}")).isEmpty();
    }

    @Test
    void aPrintedJavaExceptionLosesItsClassNameAndStackTrace() {
        String printed = "java.lang.IllegalStateException: the lease is gone\n\tat dev.cdkbootstrap.workflow.TargetLock"
                + ".release(TargetLock.java:80)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)\nCaused by: x";

        assertThat(StepError.message(printed)).isEqualTo("the lease is gone");
        assertThat(StepError.message("java.lang.RuntimeException: boom\nCaused by: java.io.IOException: x\n    at a.B(B.java:1)"))
                .isEqualTo("boom");
    }

    @Test
    void aPlainTextCauseIsKept() {
        assertThat(StepError.message("States.Timeout: the task timed out")).isEqualTo("States.Timeout: the task timed out");
        assertThat(StepError.message("{not json} at all")).isEqualTo("{not json} at all");
        assertThat(StepError.message(null)).isEmpty();
        assertThat(StepError.message("  ")).isEmpty();
    }

    @Test
    void theMapFailureIsDescribedByItsMessage() {
        var failure = new StepError("States.ItemReaderFailed",
                "{\"errorMessage\":\"no such key\",\"stackTrace\":[\"a.B(B.java:1)\"]}");

        assertThat(failure.describe(100)).isEqualTo("States.ItemReaderFailed: no such key");
        assertThat(failure.describe(10)).isEqualTo("States.ItemReaderFailed: no such...");
    }
}
