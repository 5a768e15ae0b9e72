package dev.cdkbootstrap.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cdkbootstrap.json.Json;
import java.io.UncheckedIOException;

/**
 * The plan's JSON form (docs/contracts.md): pretty-printed, fields in record order, a trailing
 * newline. Same plan, same bytes: used by {@code bootstrapctl plan} and for {@code runs/<id>/plan.json}.
 */
public final class PlanJson {

    private PlanJson() {}

    public static String write(Plan plan) {
        try {
            return Json.strict().writerWithDefaultPrettyPrinter().writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // records of strings and lists always serialize
        }
    }

    public static Plan read(String json) {
        try {
            return Json.strict().readValue(json, Plan.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
