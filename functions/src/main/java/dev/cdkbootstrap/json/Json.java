package dev.cdkbootstrap.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The project's one ObjectMapper configuration. {@link #strict()} is for payloads we own (unknown
 * fields are errors, so a typo in an execution input is reported, not ignored); {@link #tolerant()}
 * is for documents AWS owns and may extend (EventBridge events, API responses).
 */
public final class Json {
    private static final ObjectMapper STRICT = build(true);
    private static final ObjectMapper TOLERANT = build(false);

    private Json() {}

    public static ObjectMapper strict() {
        return STRICT;
    }

    public static ObjectMapper tolerant() {
        return TOLERANT;
    }

    /**
     * A value as pretty-printed UTF-8 JSON by {@link #strict()}: the form of every run artifact the steps
     * write (plan.json, targets.json, report.json, approval/*.json).
     *
     * @throws java.io.UncheckedIOException when the value cannot be serialized (a bug, not input)
     */
    public static byte[] prettyBytes(Object value) {
        try {
            return STRICT.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectMapper build(boolean failOnUnknown) {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, failOnUnknown)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, false)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        // Payloads are small; a hostile one must not make us allocate without bound.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200).maxStringLength(8 * 1024 * 1024).build());
        return mapper;
    }
}
