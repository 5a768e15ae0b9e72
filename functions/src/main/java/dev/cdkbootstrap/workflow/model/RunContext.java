package dev.cdkbootstrap.workflow.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * LoadConfig's output, carried through the run to Summarize: where the plan and the Map's items
 * are ({@code artifactBucket}, {@code itemsKey}), how many targets were planned, and the plan's
 * warnings: the first {@link #SHOWN_WARNINGS} of them and their count (the full list is in plan.json).
 * Its size does not grow with the number of targets (state payloads are limited to 256 KiB).
 * {@code mapFailure} is null from LoadConfig; the Map's Catch sets it ({@code ResultPath: $.mapFailure})
 * when the Map state itself failed, so that Summarize can say so in the report.
 */
public record RunContext(
        String runId,
        String trigger,
        boolean dryRun,
        ConfigLocation config,
        String artifactBucket,
        String runPrefix,
        String itemsKey,
        int maxConcurrency,
        PlannedCount counts,
        List<String> warnings,
        int warningCount,
        MapFailure mapFailure) {

    /** How many warnings travel in the state; a warning is a line naming one target or filter. */
    public static final int SHOWN_WARNINGS = 5;

    public record PlannedCount(int planned) {}

    /**
     * Step Functions' error output of a failed state ({@code {"Error", "Cause"}}, cause at most 32,768
     * characters): e.g. {@code States.ItemReaderFailed}, {@code States.ResultWriterFailed}.
     */
    public record MapFailure(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {
        /**
         * {@code <error>: <message>}, the cause's message ({@link StepError#message(String)}: no stack trace)
         * cut at {@code maxCauseChars}; renderers escape it (it is free text).
         */
        public String describe(int maxCauseChars) {
            String text = StepError.message(cause);
            return error + (text.isEmpty() ? "" : ": " + (text.length() <= maxCauseChars ? text
                    : text.substring(0, maxCauseChars - 3) + "..."));
        }
    }
}
