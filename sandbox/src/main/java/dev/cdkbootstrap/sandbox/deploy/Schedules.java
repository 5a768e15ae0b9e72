package dev.cdkbootstrap.sandbox.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.events.Schedule;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The template's EventBridge Scheduler resources (AWS::Scheduler::ScheduleGroup, AWS::Scheduler::Schedule,
 * present when their Condition holds, e.g. ReconcileSchedule set) created in moto as CloudFormation would,
 * properties resolved; each schedule is read back (GetSchedule) and returned, so that what the sandbox
 * fires is what the emulator holds. moto stores schedules and never fires them (printed).
 */
final class Schedules {
    private Schedules() {}

    static List<Schedule> deploy(SamApplication app, MotoForwarder moto, PrintStream out) {
        for (String group : app.resourcesOfType("AWS::Scheduler::ScheduleGroup")) {
            check(moto.rest("POST", "scheduler", app.region(), app.account(), "/schedule-groups/" + path(app.physicalName(group)),
                    "{}"));
        }
        List<Schedule> schedules = new ArrayList<>();
        for (String id : app.resourcesOfType("AWS::Scheduler::Schedule")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) app.intrinsics().resolve(app.properties(id));
            String name = app.physicalName(id);
            String group = String.valueOf(props.getOrDefault("GroupName", "default"));
            check(moto.rest("POST", "scheduler", app.region(), app.account(), "/schedules/" + path(name),
                    Json.tolerant().valueToTree(props).toString()));
            Reply stored = check(moto.rest("GET", "scheduler", app.region(), app.account(),
                    "/schedules/" + path(name) + "?groupName=" + path(group), null));
            Schedule schedule = Schedule.of(read(stored));
            out.println("sandbox: created schedule " + schedule.group() + "/" + schedule.name() + " (" + schedule.expression()
                    + ") in moto, which stores schedules and never fires them: the sandbox fires it itself, as EventBridge"
                    + " Scheduler would, when asked (--reconcile: once, after the other runs)");
            schedules.add(schedule);
        }
        return List.copyOf(schedules);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private static JsonNode read(Reply reply) {
        try {
            return Json.tolerant().readTree(reply.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("moto's GetSchedule answer is no JSON: " + reply.bodyText(), e);
        }
    }

    private static Reply check(Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("moto answered " + reply.status() + ": " + reply.bodyText());
        }
        return reply;
    }
}
