package dev.cdkbootstrap.workflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a Catch with {@code ResultPath: "$.error"} adds: the error name and its cause (for a Lambda
 * error, a JSON text with {@code errorMessage}).
 */
public record StepError(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {}
