package dev.cdkbootstrap.sandbox.events;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.support.InputTransformer;

/**
 * An EventBridge Scheduler schedule of the application as the emulator stores it (GetSchedule): moto
 * stores schedules and never fires them, so the sandbox fires one itself when asked (--reconcile), the
 * way Scheduler does for a Step Functions target: StartExecution of {@code targetArn} with {@code input}.
 */
public record Schedule(String name, String group, String expression, String targetArn, String input) {

    /** From a GetSchedule answer. */
    public static Schedule of(JsonNode getSchedule) {
        JsonNode target = getSchedule.path("Target");
        return new Schedule(getSchedule.path("Name").asText(), getSchedule.path("GroupName").asText(),
                getSchedule.path("ScheduleExpression").asText(), target.path("Arn").asText(), target.path("Input").asText());
    }

    /** Whether the schedule starts a dry run (ReconcileMode report). */
    public boolean dryRun() {
        return InputTransformer.parse(input).path("dryRun").asBoolean(false);
    }
}
