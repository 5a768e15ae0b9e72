package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.plan.ToolkitSettings.CustomTemplate;
import dev.cdkbootstrap.workflow.model.Decision;
import dev.cdkbootstrap.workflow.model.ObservedToolkit;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The decision table of docs/workflow.md ("Decision table"): what to do with a target given what its
 * toolkit looks like. The first matching row wins. The same table verifies a build: the target has
 * converged exactly when the table says {@link ReasonCode#UP_TO_DATE}.
 *
 * <p>Facts about {@code cdk bootstrap} it respects (read from the pinned aws-cdk bundle): {@code --trust}
 * replaces the deployed TrustedAccounts and, when omitted, the deployed list is kept, so accounts to
 * drop travel as {@code --untrust}; the CLI exits 0 without changing anything for another
 * BootstrapVariant ("Not overwriting"), a newer deployed version ("Not downgrading") or an unchanged
 * template; it deletes and re-creates a stack whose creation failed; REVIEW_IN_PROGRESS counts as absent.
 * With a custom template ({@code template} in cdk-app.yml) the variant and version a build leaves are
 * that template's, so they replace the CDK default variant and the pinned version in the table. The
 * managed settings are {@link SettingsDifferences}.
 */
public final class ToolkitDecision {
    private static final Set<String> STABLE = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE",
            "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE", "IMPORT_ROLLBACK_COMPLETE");

    private ToolkitDecision() {}

    /**
     * @param decision  what to do
     * @param findings  what differs from the plan (empty only for UP_TO_DATE); {@code reason} joins them with advice
     * @param untrust   deployed accounts (trust or lookup trust) the plan does not trust, sorted
     */
    public record Verdict(Decision decision, ReasonCode code, String reason, List<String> findings,
            List<String> untrust) {}

    /**
     * @param observed the toolkit as {@link ToolkitObserver} read it
     * @param target   the planned target (trust, execution policies, qualifier, stack name)
     * @param required what the deployment requires of every toolkit (pinned version, permissions boundary)
     */
    public static Verdict decide(ObservedToolkit observed, Target target, ToolkitRequirements required) {
        CustomTemplate template = target.settings().template();
        int pinnedVersion = expectedVersion(target, required); // the configured template's, when there is one
        String pinned = template == null ? "pinned " + pinnedVersion
                : pinnedVersion + " of the configured template " + template.path();
        String stack = "toolkit stack " + target.toolkitStackName();
        List<String> leftovers = observed.leftovers() == null ? List.of() : observed.leftovers();
        if (!observed.stackExists()) {
            if (!leftovers.isEmpty()) {
                return leftovers(stack + " not found", leftovers, target, List.of());
            }
            return verdict(Decision.BOOTSTRAP, ReasonCode.TOOLKIT_MISSING, List.of(stack + " not found"), "", List.of());
        }
        String status = observed.stackStatus();
        List<String> untrust = untrust(observed, target);
        if (ToolkitObserver.CREATES.contains(status) && !leftovers.isEmpty()) {
            return leftovers(stack + " is " + status, leftovers, target, untrust);
        }
        if (status.equals("REVIEW_IN_PROGRESS")) {
            return verdict(Decision.BOOTSTRAP, ReasonCode.TOOLKIT_MISSING, List.of(stack + " is REVIEW_IN_PROGRESS"),
                    "a change set was created and never executed; the CLI creates the stack", untrust);
        }
        if (status.equals("ROLLBACK_COMPLETE") || status.equals("ROLLBACK_FAILED")) {
            return verdict(Decision.BOOTSTRAP, ReasonCode.TOOLKIT_FAILED_CREATE, List.of(stack + " is " + status),
                    "its first creation failed; the CLI deletes and re-creates it", untrust);
        }
        if (status.endsWith("_IN_PROGRESS")) {
            return verdict(Decision.WAIT, ReasonCode.TOOLKIT_BUSY, List.of(stack + " is " + status),
                    "look again when the operation has ended", untrust);
        }
        if (!STABLE.contains(status)) {
            return verdict(Decision.FAIL, ReasonCode.TOOLKIT_NEEDS_OPERATOR, List.of(stack + " is " + status),
                    OperatorAdvice.forStatus(status, target.toolkitStackName()), untrust);
        }
        String variant = orDefault(observed.variant(), ToolkitObserver.DEFAULT_VARIANT);
        String deployedQualifier = orDefault(observed.qualifier(), Target.DEFAULT_QUALIFIER); // names its bucket
        String wantedVariant = template == null ? ToolkitObserver.DEFAULT_VARIANT : template.variant();
        if (!wantedVariant.equals(variant)) {
            return verdict(Decision.FAIL, ReasonCode.TOOLKIT_CUSTOM_VARIANT,
                    List.of(stack + " holds the template variant '" + variant + "'" + (template == null ? ""
                            : ", the configured template " + template.path() + " has '" + template.variant() + "'")),
                    template == null ? OperatorAdvice.customVariant(target, deployedQualifier)
                            : OperatorAdvice.otherVariant(target, deployedQualifier, template),
                    untrust);
        }
        String qualifier = orDefault(observed.qualifier(), Target.DEFAULT_QUALIFIER);
        if (!target.qualifier().equals(qualifier)) {
            return verdict(Decision.FAIL, ReasonCode.TOOLKIT_QUALIFIER_MISMATCH, List.of(stack + " holds qualifier '"
                    + qualifier + "', the plan wants '" + target.qualifier() + "'"),
                    OperatorAdvice.qualifierMismatch(qualifier, target.qualifier()), untrust);
        }
        int version = observed.version() == null ? 0 : observed.version(); // no output: a pre-versioning toolkit
        List<String> settings = SettingsDifferences.of(observed, target, required);
        if (version > pinnedVersion && !settings.isEmpty()) {
            List<String> findings = new ArrayList<>(List.of("toolkit version " + version + " is newer than "
                    + (template == null ? "the pinned CLI's template (" + pinnedVersion + ")"
                    : "the configured template " + template.path() + " (" + pinnedVersion + ")")));
            findings.addAll(settings);
            return verdict(Decision.FAIL, ReasonCode.TOOLKIT_NEWER_THAN_PINNED, findings,
                    template == null ? OperatorAdvice.newerThanPinned() : OperatorAdvice.newerThanTemplate(template),
                    untrust);
        }
        if (observed.version() != null && !String.valueOf(version).equals(observed.ssmVersion())) {
            String parameter = ToolkitObserver.versionParameter(qualifier);
            return verdict(Decision.FAIL, ReasonCode.TOOLKIT_DRIFTED, List.of("SSM parameter " + parameter
                    + (observed.ssmVersion() == null ? " is missing" : " says " + observed.ssmVersion())
                    + " but the stack's BootstrapVersion is " + version),
                    OperatorAdvice.drifted(parameter, version, version < pinnedVersion, target), untrust);
        }
        if (version < pinnedVersion) {
            List<String> findings = new ArrayList<>(List.of("toolkit version " + version + " < " + pinned));
            findings.addAll(settings);
            return verdict(Decision.BOOTSTRAP, ReasonCode.TOOLKIT_OUTDATED, findings, "", untrust);
        }
        if (!settings.isEmpty()) {
            return verdict(Decision.BOOTSTRAP, ReasonCode.SETTINGS_DIFFER, settings, "", untrust);
        }
        String against = version <= pinnedVersion ? " and " + (template == null ? "the pinned template"
                : "the configured template " + template.path()) + " (version " + version + ")"
                : " (version " + version + ", newer than " + (template == null ? "the pinned " + pinnedVersion
                : "the configured template's " + pinnedVersion) + "; the CLI does not downgrade)";
        return new Verdict(Decision.SKIP, ReasonCode.UP_TO_DATE, "up to date with the plan" + against + ": "
                + ToolkitChanges.settings(observed, target), List.of(), List.of());
    }

    /** The version a build leaves: the configured template's, else the pinned CLI's own template's. */
    static int expectedVersion(Target target, ToolkitRequirements required) {
        CustomTemplate template = target.settings().template();
        return template == null ? required.pinnedVersion() : template.version();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Verdict leftovers(String state, List<String> leftovers, Target target, List<String> untrust) {
        List<String> findings = new ArrayList<>(List.of(state + " but the CLI's creation would collide with "
                + String.join(" and ", leftovers)));
        return verdict(Decision.FAIL, ReasonCode.TOOLKIT_LEFTOVERS, findings, OperatorAdvice.leftovers(leftovers, target),
                untrust);
    }

    /** Deployed accounts (trust and lookup trust) that the plan trusts neither way: the build's --untrust list. */
    static List<String> untrust(ObservedToolkit observed, Target target) {
        return SettingsDifferences.untrust(observed, target);
    }

    private static Verdict verdict(Decision decision, ReasonCode code, List<String> findings, String advice,
            List<String> untrust) {
        String reason = String.join("; ", findings) + (advice.isEmpty() ? "" : ": " + advice);
        return new Verdict(decision, code, reason, List.copyOf(findings), untrust);
    }
}
