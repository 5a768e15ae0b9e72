package dev.cdkbootstrap.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.config.ConfigError;
import dev.cdkbootstrap.config.ConfigValidationException;
import dev.cdkbootstrap.config.Plural;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.ConfigPlanner;
import dev.cdkbootstrap.plan.ExecutionPolicy;
import dev.cdkbootstrap.plan.Plan;
import dev.cdkbootstrap.plan.PlannedConfig;
import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.error.ConfigInvalid;
import dev.cdkbootstrap.workflow.model.Approval;
import dev.cdkbootstrap.workflow.model.ConfigLocation;
import dev.cdkbootstrap.workflow.model.ExecutionInput;
import dev.cdkbootstrap.workflow.model.LoadConfigInput;
import dev.cdkbootstrap.workflow.model.Refusal;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Step 1. Checks the execution input ({@link ExecutionInputRules}: a refusal is {@code InputRejected},
 * before anything is read or written), reads cdk-app.yml from S3 (capped at 8 MiB), plans it with the
 * policy files beside it, applies the deployment's {@link Guardrails} (a refused pipeline account refuses
 * the config; a refused target is marked in its item), keeps only the targets of the account filter (if
 * any) and writes {@code plan.json}, {@code targets.json} and the custom bootstrap templates the targets use
 * ({@link RunTemplates}) under the run's prefix. An invalid config throws {@link ConfigInvalid}
 * listing every error (when they would not fit in an error cause: the first ones and the S3 key of
 * {@code config-errors.txt}, the only thing written then).
 */
public final class LoadConfigStep {
    public static final long MAX_CONFIG_BYTES = 8L * 1024 * 1024;
    /** ConfigInvalid's message stays well inside Step Functions' 32,768-character error cause. */
    static final int MAX_ERROR_MESSAGE_CHARS = 24_000;

    private final ObjectStore store;
    private final Settings settings;
    private final Guardrails guardrails;

    /**
     * @param defaultBucket CONFIG_BUCKET, the only bucket an execution input may name, also where run artifacts go
     * @param defaultKey    CONFIG_KEY, the only key an execution input may name
     * @param approvalMode  APPROVAL_REQUIRED_FOR: {@code none}, {@code trust-widening} or {@code any-change}
     */
    public record Settings(String defaultBucket, String defaultKey, String runsRoot, int maxConcurrency,
            String approvalMode) {
        public static final List<String> APPROVAL_MODES = List.of("none", "trust-widening", "any-change");

        public Settings {
            if (!APPROVAL_MODES.contains(approvalMode)) {
                throw new IllegalStateException("APPROVAL_REQUIRED_FOR is '" + approvalMode + "', not one of "
                        + APPROVAL_MODES);
            }
        }

        /** No approval gate. */
        public Settings(String defaultBucket, String defaultKey, String runsRoot, int maxConcurrency) {
            this(defaultBucket, defaultKey, runsRoot, maxConcurrency, "none");
        }
    }

    public LoadConfigStep(ObjectStore store, Settings settings, Guardrails guardrails) {
        this.store = store;
        this.settings = settings;
        this.guardrails = guardrails;
    }

    /** {@code {"execution", "runId"}} typed; the execution input by {@link ExecutionInputRules#read} (InputRejected). */
    public static LoadConfigInput input(JsonNode payload) {
        JsonNode runId = payload == null ? null : payload.get("runId");
        return new LoadConfigInput(ExecutionInputRules.read(payload == null ? null : payload.get("execution")),
                runId == null || !runId.isTextual() ? null : runId.asText());
    }

    public RunContext run(LoadConfigInput input) {
        ExecutionInput execution = input.execution() == null
                ? new ExecutionInput(null, null, null, null, null, null, null) : input.execution();
        requireText(input.runId(), "runId");
        ExecutionInputRules.Accepted accepted = ExecutionInputRules.check(execution, settings.defaultBucket(),
                settings.defaultKey(), store);
        String bucket = accepted.bucket();
        String key = accepted.key();
        String file = "s3://" + bucket + "/" + key;
        String artifactBucket = bucket; // the configured bucket: the only one an input may name
        String runFolder = RunLayout.runFolder(settings.runsRoot(), input.runId());
        if (accepted.superseded()) {
            return superseded(input.runId(), execution, accepted, runFolder);
        }

        ObjectStore.StoredObject config = readConfig(bucket, key, accepted.versionId(), file);
        PlannedConfig planned = plan(file, config.content(), new ObjectStorePolicyFiles(store, bucket, key,
                RunLayout.runsRoot(settings.runsRoot())), artifactBucket, runFolder);

        guardrails.checkPipeline(file, planned.plan().pipeline());
        List<String> warnings = new ArrayList<>(planned.plan().warnings());
        List<Target> targets = filter(planned.plan().targets(), execution.accounts(), warnings);
        Plan plan = new Plan(planned.plan().appPrefix(), planned.plan().pipeline(), targets, List.copyOf(warnings));

        Map<String, String> documents = compact(planned.policyDocuments());
        Map<String, Refusal> refusals = guardrails.refusals(targets, SessionNames.forOrganizationCheck(input.runId()));
        List<TargetItem> items = targets.stream().map(t -> item(t, documents, refusals.get(t.id()))).toList();
        RunTemplates.write(store, artifactBucket, runFolder, targets, planned.templates());
        store.write(artifactBucket, RunLayout.plan(runFolder), Json.prettyBytes(plan), "application/json");
        store.write(artifactBucket, RunLayout.targets(runFolder), Json.prettyBytes(items), "application/json");

        String versionId = config.versionId() != null ? config.versionId() : accepted.versionId();
        return context(input.runId(), execution, accepted.trigger(),
                new ConfigLocation(bucket, key, versionId, accepted.latestVersionId(), false), runFolder, plan);
    }

    /**
     * An automatic run of a version a newer upload replaced before this run read it: the newer upload
     * starts its own run, so this one plans nothing (an empty plan and targets.json, a warning saying why)
     * and its report says it was superseded.
     */
    private RunContext superseded(String runId, ExecutionInput execution, ExecutionInputRules.Accepted accepted,
            String runFolder) {
        String warning = "superseded: version " + accepted.versionId() + " of s3://" + accepted.bucket() + "/"
                + accepted.key() + " is no longer the latest (" + accepted.latestVersionId() + " is); this "
                + accepted.trigger() + " run does nothing, the run of the newer upload bootstraps";
        Plan plan = new Plan(null, null, List.of(), List.of(warning));
        store.write(accepted.bucket(), RunLayout.plan(runFolder), Json.prettyBytes(plan), "application/json");
        store.write(accepted.bucket(), RunLayout.targets(runFolder), Json.prettyBytes(List.of()), "application/json");
        return context(runId, execution, accepted.trigger(), new ConfigLocation(accepted.bucket(), accepted.key(),
                accepted.versionId(), accepted.latestVersionId(), true), runFolder, plan);
    }

    private RunContext context(String runId, ExecutionInput execution, String trigger, ConfigLocation config,
            String runFolder, Plan plan) {
        return new RunContext(runId, trigger, execution.isDryRun(), config, config.bucket(), runFolder,
                RunLayout.targets(runFolder), settings.maxConcurrency(), new RunContext.PlannedCount(plan.targets().size()),
                plan.warnings().stream().limit(RunContext.SHOWN_WARNINGS).toList(), plan.warnings().size(), null,
                gated(execution, plan), gated(execution, plan) ? Approval.preview(settings.approvalMode()) : null);
    }

    /** With a gate, a run that would change something first runs the Map as a preview (docs/workflow.md). */
    private boolean gated(ExecutionInput execution, Plan plan) {
        return !"none".equals(settings.approvalMode()) && !execution.isDryRun() && !plan.targets().isEmpty();
    }

    private ObjectStore.StoredObject readConfig(String bucket, String key, String versionId, String file) {
        try {
            return store.read(bucket, key, versionId, MAX_CONFIG_BYTES).orElseThrow(() -> invalid(file,
                    "config object not found" + (versionId == null ? "" : " (version " + versionId + ")")));
        } catch (ObjectStore.ObjectTooLarge e) {
            throw invalid(file, "file is larger than the 8 MiB limit");
        }
    }

    private PlannedConfig plan(String file, byte[] content, ObjectStorePolicyFiles policyFiles, String artifactBucket,
            String runFolder) {
        try {
            return ConfigPlanner.plan(file, content, policyFiles);
        } catch (ConfigValidationException e) {
            throw invalid(e, artifactBucket, runFolder);
        }
    }

    /**
     * Every error line, unless they would not fit in a Step Functions error cause (32,768 characters,
     * and the Lambda runtime adds the type and stack trace): then the first lines and where the whole
     * list was written ({@code runs/<runId>/config-errors.txt}).
     */
    ConfigInvalid invalid(ConfigValidationException e, String artifactBucket, String runFolder) {
        String all = e.getMessage();
        if (all.length() <= MAX_ERROR_MESSAGE_CHARS) {
            return new ConfigInvalid(all, e);
        }
        String key = RunLayout.configErrors(runFolder);
        store.write(artifactBucket, key, all.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        StringBuilder shown = new StringBuilder();
        int lines = 0;
        for (String line : all.split("\n")) {
            if (shown.length() + line.length() + 1 > MAX_ERROR_MESSAGE_CHARS - 200) {
                break;
            }
            shown.append(line).append('\n');
            lines++;
        }
        shown.append("... and ").append(Plural.of(e.errors().size() - lines, "more error", "more errors")).append("; all ")
                .append(e.errors().size()).append(": s3://").append(artifactBucket).append('/').append(key);
        return new ConfigInvalid(shown.toString(), e);
    }

    /** Keeps the targets of the given accounts (checked by {@link ExecutionInputRules}); warns about filter accounts that plan nothing. */
    static List<Target> filter(List<Target> targets, List<String> accounts, List<String> warnings) {
        if (accounts == null) {
            return targets;
        }
        Set<String> wanted = new LinkedHashSet<>(accounts);
        List<Target> kept = targets.stream().filter(t -> wanted.contains(t.account())).toList();
        Set<String> unmatched = new LinkedHashSet<>(wanted);
        kept.forEach(t -> unmatched.remove(t.account()));
        if (!unmatched.isEmpty()) {
            warnings.add("account filter " + unmatched + " matches no planned target; nothing to do for "
                    + (unmatched.size() == 1 ? "it" : "them"));
        }
        return kept;
    }

    /**
     * Each policy document as compact JSON: IAM ignores whitespace (its 6,144-character limit counts none)
     * but a state payload counts every byte, so a validated file padded with whitespace must not make a
     * target's item, and so its state, approach the 256 KiB limit.
     */
    private static Map<String, String> compact(Map<String, String> documents) {
        Map<String, String> compact = new TreeMap<>();
        documents.forEach((file, text) -> {
            try {
                compact.put(file, Json.strict().writeValueAsString(Json.strict().readTree(text)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the planner validated policy file " + file + " as JSON", e);
            }
        });
        return compact;
    }

    private static TargetItem item(Target target, Map<String, String> documents, Refusal refusal) {
        Map<String, String> used = new TreeMap<>();
        for (ExecutionPolicy policy : target.executionPolicies()) {
            if (policy.origin().fromFile()) {
                String text = documents.get(policy.file());
                if (text == null) {
                    throw new IllegalStateException("planner returned no document for policy file " + policy.file());
                }
                used.put(policy.file(), text);
            }
        }
        return new TargetItem(target, used, refusal);
    }

    private static ConfigInvalid invalid(String file, String message) {
        return new ConfigInvalid(new ConfigError(file, 1, 1, "$", message).format());
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("LoadConfig input: missing " + what);
        }
        return value;
    }
}
