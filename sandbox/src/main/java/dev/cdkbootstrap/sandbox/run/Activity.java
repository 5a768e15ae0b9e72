package dev.cdkbootstrap.sandbox.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the run is doing right now, for the progress line: the steps running and the local builds. */
final class Activity {
    private Activity() {}

    /**
     * @param running function name (e.g. {@code sandbox-PrepareTargetFunction}) → invocations in flight
     * @param builds  local CodeBuild builds not ended (queued or running: CodeBuild says IN_PROGRESS)
     * @return e.g. {@code "now: PrepareTarget x2, 1 build in progress"}, or empty when nothing runs
     */
    static String describe(Map<String, Integer> running, int builds) {
        List<String> parts = new ArrayList<>();
        running.forEach((function, count) -> parts.add(step(function) + (count > 1 ? " x" + count : "")));
        if (builds > 0) {
            parts.add(builds + (builds == 1 ? " build in progress" : " builds in progress"));
        }
        return parts.isEmpty() ? "" : "now: " + String.join(", ", parts);
    }

    /** The step a function runs: the template's logical id without the stack prefix and "Function". */
    static String step(String function) {
        String name = function.substring(function.lastIndexOf('-') + 1); // logical ids have no dashes
        return name.endsWith("Function") ? name.substring(0, name.length() - "Function".length()) : name;
    }
}
