package dev.cdkbootstrap.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.error.InputRejected;
import dev.cdkbootstrap.workflow.model.ExecutionInput;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What an execution input may ask for (docs/contracts.md, "Execution input"). Anyone allowed to start
 * an execution writes the input and may claim any trigger, so nothing in it is trusted:
 * <ul>
 * <li>{@code bucket} and {@code key}, when given, must be the configured CONFIG_BUCKET and CONFIG_KEY;
 * <li>{@code trigger} must be one of {@link #TRIGGERS} (missing: {@code manual});
 * <li>{@code accounts} must be 12-digit account ids;
 * <li>a {@code versionId} that is not the key's current version (S3 HeadObject) is an old config, whose
 *     trust or policies may since have been removed: it runs only with {@code "allowOldVersion": true}.
 *     Without it, a {@code manual} (or {@code schedule}, which sends no version) start is refused naming both
 *     versions, and an automatic one
 *     ({@code s3}, {@code new-account}: a second upload came before this run read the first) is
 *     superseded: it plans nothing, since the newer upload starts its own run. Claiming {@code s3} therefore
 *     never runs an old version either.
 * </ul>
 * Every refusal is an {@link InputRejected} naming the field, the value given and what is allowed; so is an
 * input that is no {@link ExecutionInput} at all (an unknown field, a value of the wrong type: {@link #read}).
 */
final class ExecutionInputRules {
    /**
     * The S3 rule's InputTransformer (template.yaml), NewAccount's starts, an operator's, and the reconcile
     * schedule's ({@link DriftReport#TRIGGER}: with {@code dryRun} its report is a drift report).
     */
    static final List<String> TRIGGERS = List.of("s3", "new-account", "manual", DriftReport.TRIGGER);
    private static final List<String> AUTOMATIC = List.of("s3", "new-account");

    private ExecutionInputRules() {}

    /**
     * What the run reads and how: the version to read (null: the latest), the latest version when that is an
     * older one, and whether the run is superseded (then it plans nothing).
     */
    record Accepted(String trigger, String bucket, String key, String versionId, String latestVersionId,
            boolean superseded) {}

    /**
     * The execution input as Step Functions passed it (null or JSON null: an empty input), strictly: an unknown
     * field or a value of the wrong type is an {@link InputRejected} naming the field and what it takes, in one
     * line (field names and values are the starter's text and reach the run-failed notification).
     */
    static ExecutionInput read(JsonNode execution) {
        if (execution == null || execution.isNull()) {
            return new ExecutionInput(null, null, null, null, null, null, null);
        }
        if (!execution.isObject()) {
            throw new InputRejected("execution input: expected a JSON object of the fields " + FIELDS + ", got "
                    + SafeText.plain(execution.toString(), 200));
        }
        try {
            return Json.strict().treeToValue(execution, ExecutionInput.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InputRejected("execution input " + SafeText.plain(e.getPropertyName(), 200)
                    + ": no such field; the fields are " + FIELDS);
        } catch (MismatchedInputException e) {
            String field = field(e);
            throw new InputRejected("execution input " + field + ": " + SafeText.plain(execution.at(pointer(e)).toString(), 200)
                    + " is not allowed; allowed: " + expected(e.getPath().isEmpty() ? "" : e.getPath().getFirst().getFieldName()));
        } catch (JsonProcessingException e) {
            throw new InputRejected("execution input " + field(e) + ": " + SafeText.plain(e.getOriginalMessage(), 200));
        }
    }

    /** The fields an execution input may have, in the order docs/contracts.md lists them. */
    static final String FIELDS = "bucket, key, versionId, accounts, dryRun, trigger, allowOldVersion";

    private static String expected(String field) {
        return switch (field) {
            case "dryRun", "allowOldVersion" -> "true or false";
            case "accounts" -> "a list of 12-digit account ids as strings";
            default -> "a string";
        };
    }

    /** {@code accounts[1]}, {@code dryRun}: where in the input Jackson stopped. */
    private static String field(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? "." + SafeText.plain(r.getFieldName(), 100)
                : "[" + r.getIndex() + "]").collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String field(JsonProcessingException e) {
        return e instanceof JsonMappingException mapping ? field(mapping) : "";
    }

    private static String pointer(JsonMappingException e) {
        return e.getPath().stream().map(r -> "/" + (r.getFieldName() != null
                ? r.getFieldName().replace("~", "~0").replace("/", "~1") : Integer.toString(r.getIndex())))
                .collect(Collectors.joining());
    }

    /**
     * @param configuredBucket CONFIG_BUCKET (null: none configured, so the input must name no other)
     * @throws InputRejected when the input breaks a rule
     */
    static Accepted check(ExecutionInput input, String configuredBucket, String configuredKey, ObjectStore store) {
        String trigger = input.trigger() == null ? "manual" : input.trigger();
        if (!TRIGGERS.contains(trigger)) {
            throw rejected("trigger", input.trigger(), "one of " + String.join(", ", TRIGGERS));
        }
        String bucket = configured("bucket", input.bucket(), configuredBucket, "CONFIG_BUCKET");
        String key = configured("key", input.key(), configuredKey, "CONFIG_KEY");
        List<String> accounts = input.accounts();
        for (int i = 0; accounts != null && i < accounts.size(); i++) {
            if (accounts.get(i) == null || !accounts.get(i).matches("\\d{12}")) {
                throw rejected("accounts[" + i + "]", accounts.get(i),
                        "a 12-digit account id (quote it in JSON: \"011111111111\")");
            }
        }
        // An S3 rule on an unversioned bucket hands over an empty version id: the latest object.
        String versionId = input.versionId() == null || input.versionId().isBlank() ? null : input.versionId();
        if (versionId == null) {
            return new Accepted(trigger, bucket, key, null, null, false);
        }
        String file = "s3://" + bucket + "/" + key;
        ObjectStore.Head latest = store.head(bucket, key).orElseThrow(() -> rejected("versionId", versionId,
                "a version of " + file + ", which has no current version (deleted or never written): nothing to run"));
        if (latest.versionId() == null || latest.versionId().equals(versionId)) {
            // an unversioned bucket has one object: the read below fails if the id does not name it
            return new Accepted(trigger, bucket, key, versionId, null, false);
        }
        if (input.oldVersionAllowed()) {
            return new Accepted(trigger, bucket, key, versionId, latest.versionId(), false);
        }
        if (AUTOMATIC.contains(trigger)) {
            return new Accepted(trigger, bucket, key, versionId, latest.versionId(), true);
        }
        throw rejected("versionId", versionId, "the latest version of " + file + ", " + latest.versionId()
                + " (an old version may lack removals made since; to run it on purpose add \"allowOldVersion\": true)");
    }

    /** A given value must be the configured one; a missing one is the configured one. */
    private static String configured(String field, String given, String configured, String variable) {
        if (given == null || given.isBlank()) {
            if (configured == null) {
                throw new InputRejected("execution input " + field + ": missing, and no " + variable + " is configured");
            }
            return configured;
        }
        if (!given.equals(configured)) {
            throw rejected(field, given, configured == null ? "nothing (no " + variable + " is configured)"
                    : "only the configured " + variable + " '" + configured + "' (or leave it out)");
        }
        return given;
    }

    private static InputRejected rejected(String field, String given, String allowed) {
        return new InputRejected("execution input " + field + ": '" + SafeText.plain(given, 200) + "' is not allowed; allowed: "
                + allowed);
    }
}
