package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.plan.ExecutionPolicy;
import dev.cdkbootstrap.plan.Plan;
import dev.cdkbootstrap.plan.Target;
import java.util.ArrayList;
import java.util.List;

/** The plan as a table a person reads at a glance: target, sources, trust, policies; then warnings. */
final class TextPlan {

    private TextPlan() {}

    static String render(String file, Plan plan) {
        boolean toolkitColumn = plan.targets().stream().anyMatch(t -> !t.qualifier().equals(Target.DEFAULT_QUALIFIER)
                || !t.toolkitStackName().equals(Target.DEFAULT_TOOLKIT_STACK_NAME));
        List<String[]> rows = new ArrayList<>();
        rows.add(toolkitColumn ? new String[] {"TARGET", "SOURCES", "TRUST", "TOOLKIT", "POLICIES"}
                : new String[] {"TARGET", "SOURCES", "TRUST", "POLICIES"});
        for (Target t : plan.targets()) {
            String trust = t.trust().isEmpty() ? "-" : String.join(",", t.trust());
            String policies = String.join(", ", t.executionPolicies().stream().map(TextPlan::policy).toList());
            String sources = String.join(",", t.sources());
            rows.add(toolkitColumn
                    ? new String[] {t.id(), sources, trust, t.qualifier() + "/" + t.toolkitStackName(), policies}
                    : new String[] {t.id(), sources, trust, policies});
        }
        int n = plan.targets().size();
        StringBuilder sb = new StringBuilder("Plan for ").append(file).append(": app prefix ").append(plan.appPrefix())
                .append(", pipeline ").append(plan.pipeline().account()).append('/').append(plan.pipeline().region())
                .append(", ").append(n).append(n == 1 ? " target" : " targets").append("\n\n");
        table(rows, sb);
        if (!plan.warnings().isEmpty()) {
            sb.append("\nWarnings (").append(plan.warnings().size()).append("):\n");
            plan.warnings().forEach(w -> sb.append("  - ").append(w).append('\n'));
        }
        return sb.toString();
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
