package dev.cdkbootstrap.workflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import java.util.regex.Pattern;

/**
 * What a Catch adds ({@code ResultPath} {@code $.error}, {@code $.mapFailure},
 * {@code $.approval.rejection}): the error name and its cause (at most 32,768 characters; for a
 * Lambda error, a JSON text with {@code errorMessage}, {@code errorType} and {@code stackTrace}).
 */
public record StepError(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {
    /** A Java exception's toString: {@code package.Name: message}. */
    private static final Pattern JAVA_NAME_PREFIX = Pattern.compile("^([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*: ");
    /** Where a printed Java stack trace starts: a line {@code at ...} or {@code Caused by: ...}. */
    private static final Pattern STACK_TRACE = Pattern.compile("\\R\\s*(at |Caused by: |\\.\\.\\. \\d+ more)");

    /**
     * {@code <error>: <message>}, the cause's message ({@link #message(String)}: no stack trace) cut at
     * {@code maxCauseChars}; renderers escape it (it is free text).
     */
    public String describe(int maxCauseChars) {
        String text = message(cause);
        return error + (text.isEmpty() ? "" : ": " + (text.length() <= maxCauseChars ? text
                : text.substring(0, maxCauseChars - 3) + "..."));
    }

    /** This error's message (see {@link #message(String)}). */
    public String message() {
        return message(cause);
    }

    /**
     * The message of a Step Functions error cause, never a stack trace: the {@code errorMessage} of a
     * Lambda error's JSON (its {@code errorType} when it has no message; nothing of {@code stackTrace}
     * or a nested {@code cause}); a plain-text cause (a {@code States.*} error, a service integration)
     * as it is, but cut where a printed Java stack trace starts and without a leading Java class name
     * ({@code java.lang.IllegalStateException: }). The one place such causes are read (RecordResult's
     * reasons, the Map failure in the report, the notification). Empty for a null or empty cause.
     */
    public static String message(String cause) {
        if (cause == null || cause.isBlank()) {
            return "";
        }
        String text = cause.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode node = Json.tolerant().readTree(text);
                if (node != null && node.isObject()) {
                    if (node.hasNonNull("errorMessage")) {
                        return node.get("errorMessage").asText();
                    }
                    return node.hasNonNull("errorType") ? node.get("errorType").asText() : "";
                }
            } catch (JsonProcessingException notJson) {
                // plain text that happens to start with a brace
            }
        }
        var trace = STACK_TRACE.matcher(text);
        if (trace.find()) {
            text = text.substring(0, trace.start());
        }
        return JAVA_NAME_PREFIX.matcher(text).replaceFirst("");
    }
}
