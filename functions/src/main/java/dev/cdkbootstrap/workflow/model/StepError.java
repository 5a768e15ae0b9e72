package dev.cdkbootstrap.workflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a Catch adds ({@code ResultPath} {@code $.error}, {@code $.mapFailure}, ...): Step Functions'
 * error name and its cause (at most 32,768 characters; for a Lambda error, a JSON text with
 * {@code errorMessage}).
 */
public record StepError(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {

    /** One line for reports: {@code <error>: <cause>}, the cause on one line and cut at {@code maxCauseChars}. */
    public String describe(int maxCauseChars) {
        String text = cause == null ? "" : cause.replace('\n', ' ').replace('\r', ' ');
        return error + (text.isEmpty() ? "" : ": " + (text.length() <= maxCauseChars ? text
                : text.substring(0, maxCauseChars - 3) + "..."));
    }
}
