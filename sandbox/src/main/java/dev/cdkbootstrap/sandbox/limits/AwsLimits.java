package dev.cdkbootstrap.sandbox.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The AWS quotas the sandbox enforces (moto 5.2.1 enforces none of them as AWS does), each with the
 * page that documents it, and AWS's way of measuring: a payload is its JSON text, compact, in UTF-8
 * bytes.
 */
public final class AwsLimits {
    /**
     * "Maximum input or output size for a task, state, or execution: 262,144 bytes of data as a UTF-8
     * encoded string" - https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
     * (Quotas related to task executions). Exceeding it is {@link #DATA_LIMIT_EXCEEDED}.
     */
    public static final int STATE_PAYLOAD_BYTES = 262_144;

    /**
     * A synchronous Lambda response: "6 MB" - https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
     * and the Invoke API page; Lambda's own error names the exact number, 6,291,556 bytes, and reports
     * it as a function error {@code Function.ResponseSizeTooLarge} (see {@link #responseTooLarge()}).
     */
    public static final int LAMBDA_RESPONSE_BYTES = 6_291_556;

    /**
     * Every {@code cause} of a history event: "Maximum length of 32768" - e.g.
     * https://docs.aws.amazon.com/step-functions/latest/apireference/API_ExecutionFailedEventDetails.html
     * and API_TaskFailedEventDetails.html. The docs do not say what happens to a longer cause (only
     * that SendTaskFailure rejects one); the sandbox keeps the first 32,768 characters (docs/sandbox.md).
     */
    public static final int CAUSE_CHARS = 32_768;

    /**
     * "Maximum execution history size: 25,000 events. If the execution history reaches this quota,
     * the execution will fail" - https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html;
     * the failure is event 25,000 itself, error {@link #RUNTIME}, cause {@link #historyCause(int)}.
     */
    public static final int HISTORY_EVENTS = 25_000;

    /**
     * Reported when a state's input or output is over {@link #STATE_PAYLOAD_BYTES}; documented as a
     * terminal error that {@code States.ALL} does not catch -
     * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
     */
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String RUNTIME = "States.Runtime";
    public static final String RESPONSE_TOO_LARGE = "Function.ResponseSizeTooLarge";

    private AwsLimits() {}

    /** AWS's cause when an execution runs past {@code limit} history events. */
    public static String historyCause(int limit) {
        return "The execution reached the maximum number of history events (" + limit + ").";
    }

    /** Lambda's error document for a synchronous response over {@link #LAMBDA_RESPONSE_BYTES}. */
    public static ObjectNode responseTooLarge() {
        return Json.tolerant().createObjectNode()
                .put("errorMessage", "Response payload size exceeded maximum allowed payload size ("
                        + LAMBDA_RESPONSE_BYTES + " bytes).")
                .put("errorType", RESPONSE_TOO_LARGE);
    }

    /** {@code body} as JSON, or empty when it is not JSON (then its raw bytes are the measure). */
    public static Optional<JsonNode> parse(byte[] body) {
        try {
            return body.length == 0 ? Optional.empty() : Optional.ofNullable(Json.tolerant().readTree(body));
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** Bytes of {@code json} as compact UTF-8 JSON text: no spaces, non-ASCII not escaped. */
    public static long jsonBytes(JsonNode json) {
        return utf8Bytes(json.toString());
    }

    /** What AWS counts for an HTTP body that carries a payload: its compact JSON, else its raw bytes. */
    public static long payloadBytes(byte[] body) {
        return parse(body).map(AwsLimits::jsonBytes).orElse((long) body.length);
    }

    public static boolean overPayload(long bytes) {
        return bytes > STATE_PAYLOAD_BYTES;
    }

    /** UTF-8 length of {@code text} without encoding it (a surrogate pair is one 4-byte character). */
    public static long utf8Bytes(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The first {@link #CAUSE_CHARS} characters of {@code cause} (never half a surrogate pair). */
    public static String cutCause(String cause) {
        if (cause == null || cause.length() <= CAUSE_CHARS) {
            return cause;
        }
        int end = Character.isHighSurrogate(cause.charAt(CAUSE_CHARS - 1)) ? CAUSE_CHARS - 1 : CAUSE_CHARS;
        return cause.substring(0, end);
    }

    /**
     * A Lambda error document whose text fits {@link #CAUSE_CHARS}: stack trace lines dropped from the
     * end, then the message shortened (with a marker). {@code errorType} is kept, so Retry/Catch still
     * match. Empty when the document already fits.
     */
    public static Optional<ObjectNode> fitErrorDocument(ObjectNode document) {
        if (document.toString().length() <= CAUSE_CHARS) {
            return Optional.empty();
        }
        ObjectNode fitted = document.deepCopy();
        if (fitted.get("stackTrace") instanceof ArrayNode trace) {
            while (!trace.isEmpty() && fitted.toString().length() > CAUSE_CHARS) {
                trace.remove(trace.size() - 1);
            }
        }
        String marker = " [... cut by the sandbox: Step Functions keeps " + bytes(CAUSE_CHARS) + " characters of a cause]";
        String message = fitted.path("errorMessage").asText("");
        int excess = fitted.toString().length() - CAUSE_CHARS;
        while (excess > 0 && !message.isEmpty()) {
            message = message.substring(0, Math.max(0, message.length() - excess - marker.length()));
            fitted.put("errorMessage", message + marker);
            excess = fitted.toString().length() - CAUSE_CHARS;
        }
        return Optional.of(fitted);
    }

    /** {@code 262144} as {@code 262,144}. */
    public static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
