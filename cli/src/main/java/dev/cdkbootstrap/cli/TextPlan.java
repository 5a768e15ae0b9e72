package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.plan.ExecutionPolicy;
import dev.cdkbootstrap.plan.Plan;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings;
import dev.cdkbootstrap.workflow.WarningGroups;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan as a table a person reads at a glance: target, sources, trust, [toolkit], [settings],
 * policies; then the warnings, one line per kind with its count ({@link WarningGroups}; {@code --format json}
 * keeps each one). TOOLKIT appears only when some target is not on the CDK defaults, SETTINGS
 * only when some target has a managed bootstrap setting (unmanaged ones are left out of a cell).
 */
final class TextPlan {

    private TextPlan() {}

    static String render(String file, Plan plan) {
        boolean toolkitColumn = plan.targets().stream().anyMatch(t -> !t.qualifier().equals(Target.DEFAULT_QUALIFIER)
                || !t.toolkitStackName().equals(Target.DEFAULT_TOOLKIT_STACK_NAME));
        boolean settingsColumn = plan.targets().stream().anyMatch(t -> !t.settings().equals(ToolkitSettings.NONE));
        List<String[]> rows = new ArrayList<>();
        rows.add(row(toolkitColumn, settingsColumn, "TARGET", "SOURCES", "TRUST", "TOOLKIT", "SETTINGS", "POLICIES"));
        for (Target t : plan.targets()) {
            String trust = t.trust().isEmpty() ? "-" : String.join(",", t.trust());
            String policies = String.join(", ", t.executionPolicies().stream().map(TextPlan::policy).toList());
            rows.add(row(toolkitColumn, settingsColumn, t.id(), String.join(",", t.sources()), trust,
                    t.qualifier() + "/" + t.toolkitStackName(), settings(t.settings()), policies));
        }
        int n = plan.targets().size();
        StringBuilder sb = new StringBuilder("Plan for ").append(file).append(": app prefix ").append(plan.appPrefix())
                .append(", pipeline ").append(plan.pipeline().account()).append('/').append(plan.pipeline().region())
                .append(", ").append(n).append(n == 1 ? " target" : " targets").append("\n\n");
        table(rows, sb);
        if (!plan.warnings().isEmpty()) {
            sb.append("\nWarnings (").append(plan.warnings().size()).append("):\n");
            WarningGroups.of(plan.warnings()).forEach(g -> sb.append("  ").append(g.line("warning", "each in --format json"))
                    .append('\n'));
        }
        return sb.toString();
    }

    private static String[] row(boolean toolkit, boolean settings, String target, String sources, String trust,
                                String toolkitCell, String settingsCell, String policies) {
        List<String> cells = new ArrayList<>(List.of(target, sources, trust));
        if (toolkit) {
            cells.add(toolkitCell);
        }
        if (settings) {
            cells.add(settingsCell);
        }
        cells.add(policies);
        return cells.toArray(String[]::new);
    }

    /** The managed settings, space-separated, e.g. {@code lookup:222222222222 protection:on kms:create}; "-" for none. */
    static String settings(ToolkitSettings s) {
        List<String> parts = new ArrayList<>();
        if (!s.trustForLookup().isEmpty()) {
            parts.add("lookup:" + String.join(",", s.trustForLookup()));
        }
        if (s.permissionsBoundary() != null) {
            parts.add("boundary:" + s.permissionsBoundary());
        }
        if (s.terminationProtection() != null) {
            parts.add("protection:" + (s.terminationProtection() ? "on" : "off"));
        }
        if (s.tags() != null) {
            parts.add("tags:" + String.join(",", s.tags().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        if (s.kmsKey() != null) {
            parts.add("kms:" + s.kmsKey());
        }
        if (s.publicAccessBlock() != null) {
            parts.add("public-access-block:" + (s.publicAccessBlock() ? "on" : "off"));
        }
        if (s.template() != null) {
            parts.add("template:" + s.template().path() + "@v" + s.template().version());
        }
        return parts.isEmpty() ? "-" : String.join(" ", parts);
    }

    private static String policy(ExecutionPolicy p) {
        String origin = switch (p.origin()) {
            case FILE -> "from " + p.file();
            case DEFAULT_FILE -> "from " + p.file() + ", found by name";
            case ARN -> "given";
            case DEFAULT -> "DEFAULT";
        };
        return p.arn() + " (" + origin + ")";
    }

    private static void table(List<String[]> rows, StringBuilder sb) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(row[c]);
                if (c < columns - 1) {
                    line.append(" ".repeat(width[c] - row[c].length() + 2));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
