package dev.cdkbootstrap.handler;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every setting the functions read from their environment (docs/contracts.md, "Environment variables
 * of the functions"), read once and typed. A variable that is unset or blank takes its default; the
 * defaults are {@link #DEFAULTS}, which equal template.yaml's (the parameter's {@code Default} where the
 * variable is {@code !Ref Parameter}, else the literal value): {@code FunctionSettingsContractTest}
 * checks that they agree. A variable without a default is null here; the step that needs it fails at
 * init through {@link #required}. Errors: a number or flag that does not parse →
 * {@link IllegalStateException} naming the variable and its value.
 *
 * @param organizationId            {@code o-...}, or null for {@code NONE}/unset (no organization used)
 * @param pipelineAccounts          PIPELINE_ACCOUNTS split at commas; empty: any account
 * @param approvalTimeoutHours      hours a waiting run waits for an answer
 * @param buildDeadlineMinutes      how long a build may run once it left CodeBuild's queue
 * @param buildPollSeconds          the shortest interval between two looks at a build or a busy toolkit
 * @param toolkitBusyWaitMinutes    how long a busy toolkit is waited for; 0 = as long as a lease lasts
 */
public record FunctionSettings(
        String configBucket,
        String configKey,
        int mapMaxConcurrency,
        String approvalRequiredFor,
        int approvalTimeoutHours,
        Set<String> pipelineAccounts,
        String organizationId,
        boolean allowManagementAccount,
        String targetRoleName,
        String targetRoleExternalId,
        String buildProjectName,
        int buildPollSeconds,
        int buildDeadlineMinutes,
        int toolkitBusyWaitMinutes,
        String toolkitPermissionsBoundary,
        String stateMachineArn,
        String reportTopicArn,
        String stackName,
        String metricsNamespace) {

    /** Every variable read here. */
    public static final Set<String> VARIABLES = Set.of("CONFIG_BUCKET", "CONFIG_KEY", "MAP_MAX_CONCURRENCY",
            "APPROVAL_REQUIRED_FOR", "APPROVAL_TIMEOUT_HOURS", "PIPELINE_ACCOUNTS", "ORGANIZATION_ID",
            "ALLOW_MANAGEMENT_ACCOUNT", "TARGET_ROLE_NAME", "TARGET_ROLE_EXTERNAL_ID", "BUILD_PROJECT_NAME",
            "BUILD_POLL_SECONDS", "BUILD_DEADLINE_MINUTES", "TOOLKIT_BUSY_WAIT_MINUTES",
            "TOOLKIT_PERMISSIONS_BOUNDARY", "STATE_MACHINE_ARN", "REPORT_TOPIC_ARN", "STACK_NAME",
            "POWERTOOLS_METRICS_NAMESPACE");

    /**
     * Variable → default, for every variable template.yaml sets to a constant or to a parameter with a
     * {@code Default} (the contract test compares the two both ways). The rest have no default: resources
     * of the stack (CONFIG_BUCKET, BUILD_PROJECT_NAME, ...), the required {@code OrganizationId} (unset
     * here means NONE) and PIPELINE_ACCOUNTS (the template gives the stack's own account when the
     * parameter is empty; unset here means any account).
     */
    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("CONFIG_KEY", "cdk-app.yml");
        d.put("MAP_MAX_CONCURRENCY", "10");
        d.put("APPROVAL_REQUIRED_FOR", "none");
        d.put("APPROVAL_TIMEOUT_HOURS", "24");
        d.put("ALLOW_MANAGEMENT_ACCOUNT", "false");
        d.put("TARGET_ROLE_NAME", "cdk-bootstrap-orchestrator-target");
        d.put("TARGET_ROLE_EXTERNAL_ID", "cdk-bootstrap-orchestrator");
        d.put("BUILD_POLL_SECONDS", "30");
        d.put("BUILD_DEADLINE_MINUTES", "30");
        d.put("TOOLKIT_BUSY_WAIT_MINUTES", "0");
        d.put("TOOLKIT_PERMISSIONS_BOUNDARY", "");
        d.put("POWERTOOLS_METRICS_NAMESPACE", "CdkBootstrapOrchestrator");
        return Map.copyOf(d);
    }

    /** The settings of {@code env} (the Lambda environment, or the sandbox's map). */
    public static FunctionSettings from(Map<String, String> env) {
        Reader r = new Reader(env);
        String organization = r.text("ORGANIZATION_ID");
        return new FunctionSettings(
                r.text("CONFIG_BUCKET"), r.text("CONFIG_KEY"),
                r.integer("MAP_MAX_CONCURRENCY"),
                r.text("APPROVAL_REQUIRED_FOR"), r.integer("APPROVAL_TIMEOUT_HOURS"),
                Arrays.stream(r.textOrEmpty("PIPELINE_ACCOUNTS").split(",")).map(String::trim)
                        .filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                organization == null || organization.equals("NONE") ? null : organization,
                r.flag("ALLOW_MANAGEMENT_ACCOUNT"),
                r.text("TARGET_ROLE_NAME"), r.text("TARGET_ROLE_EXTERNAL_ID"), r.text("BUILD_PROJECT_NAME"),
                r.integer("BUILD_POLL_SECONDS"), r.integer("BUILD_DEADLINE_MINUTES"), r.integer("TOOLKIT_BUSY_WAIT_MINUTES"),
                r.text("TOOLKIT_PERMISSIONS_BOUNDARY"), r.text("STATE_MACHINE_ARN"), r.text("REPORT_TOPIC_ARN"),
                r.text("STACK_NAME"), r.text("POWERTOOLS_METRICS_NAMESPACE"));
    }

    /** {@code value}, or an {@link IllegalStateException} saying the variable {@code name} is not set. */
    public static String required(String value, String name) {
        if (value == null) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    /** Reads one variable: blank = unset = its default (null when it has none). */
    private record Reader(Map<String, String> env) {
        String text(String name) {
            String value = env.get(name);
            String chosen = value == null || value.isBlank() ? DEFAULTS.get(name) : value;
            return chosen == null || chosen.isEmpty() ? null : chosen;
        }

        String textOrEmpty(String name) {
            String value = text(name);
            return value == null ? "" : value;
        }

        int integer(String name) {
            String value = text(name);
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException("environment variable " + name + " is not a number: " + value);
            }
        }

        boolean flag(String name) {
            String value = text(name);
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalStateException("environment variable " + name + " is not true or false: " + value);
            }
            return value.equals("true");
        }
    }
}
