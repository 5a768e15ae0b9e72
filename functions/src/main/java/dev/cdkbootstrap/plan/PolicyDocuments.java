package dev.cdkbootstrap.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.config.ConfigLimits;
import dev.cdkbootstrap.json.Json;
import java.util.Optional;
import java.util.Set;

/** Checks that a policy file is an IAM policy document IAM will plausibly accept. */
final class PolicyDocuments {
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    /** U+FEFF, which some editors write first in a UTF-8 file; IAM and JSON parsers refuse it. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private PolicyDocuments() {}

    /** Why {@code text} is not a valid IAM policy document, or empty when it is. */
    static Optional<String> problem(String text) {
        if (text.startsWith(BYTE_ORDER_MARK)) { // Jackson would call it an unexpected character (code 65279)
            return Optional.of("starts with a UTF-8 byte-order mark; save it without one");
        }
        JsonNode doc;
        try {
            doc = Json.strict().readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            return Optional.of("is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")") + ": " + shortMessage(e));
        }
        if (doc == null || !doc.isObject()) {
            return Optional.of("is not an IAM policy document: expected a JSON object with Version and Statement");
        }
        JsonNode version = doc.get("Version");
        if (version == null || !version.isTextual() || !VERSIONS.contains(version.asText())) {
            return Optional.of("is not an IAM policy document: \"Version\" must be \"2012-10-17\"");
        }
        JsonNode statement = doc.get("Statement");
        boolean statementOk = statement != null && (statement.isObject()
                || (statement.isArray() && !statement.isEmpty() && allObjects(statement)));
        if (!statementOk) {
            return Optional.of("is not an IAM policy document: \"Statement\" must be an object or a non-empty list of objects");
        }
        long chars = text.chars().filter(c -> !Character.isWhitespace(c)).count();
        if (chars > ConfigLimits.MAX_POLICY_CHARS) {
            return Optional.of("has " + chars + " characters without whitespace; IAM allows "
                    + ConfigLimits.MAX_POLICY_CHARS + " for a managed policy");
        }
        return Optional.empty();
    }

    /** Jackson's first sentence, without its source-location appendix. */
    static String shortMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage().lines().findFirst().orElse("");
        int cut = message.indexOf(" (start marker at");
        return (cut < 0 ? message : message.substring(0, cut)).strip();
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isObject()) {
                return false;
            }
        }
        return true;
    }
}
