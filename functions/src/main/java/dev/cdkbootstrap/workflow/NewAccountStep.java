package dev.cdkbootstrap.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.config.ConfigValidationException;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.plan.ConfigPlanner;
import dev.cdkbootstrap.plan.Plan;
import dev.cdkbootstrap.workflow.error.ConfigInvalid;
import dev.cdkbootstrap.workflow.model.ExecutionInput;
import dev.cdkbootstrap.workflow.model.NewAccountResult;
import dev.cdkbootstrap.workflow.model.NewAccountResult.Action;
import dev.cdkbootstrap.workflow.port.ExecutionStarter;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Step 7, on a new-account event (Organizations or Control Tower). When the created account is in
 * the configured cdk-app.yml, starts one run filtered to it, named
 * {@code new-account-<account>-<12 hex of sha256(config version)>}, so both event sources and
 * redeliveries start it once; a later event after that run FAILED starts another (name suffix -2, -3,
 * ...), e.g. the Control Tower event that follows the Organizations one once the account's role
 * exists. Failed creations and unknown accounts are ignored.
 */
public final class NewAccountStep {
    static final int MAX_ATTEMPTS = 20;
    private static final Set<String> FINISHED_WITHOUT_SUCCESS = Set.of("FAILED", "TIMED_OUT", "ABORTED");
    private final ObjectStore store;
    private final ExecutionStarter starter;
    private final Settings settings;

    public record Settings(String configBucket, String configKey, String stateMachineArn) {}

    public NewAccountStep(ObjectStore store, ExecutionStarter starter, Settings settings) {
        this.store = store;
        this.starter = starter;
        this.settings = settings;
    }

    public NewAccountResult run(JsonNode event) {
        AccountEvent account = AccountEvent.from(event).orElse(null);
        if (account == null) {
            return new NewAccountResult(Action.IGNORED, null, null, "not an account creation event");
        }
        if (!account.succeeded()) {
            return new NewAccountResult(Action.IGNORED, account.accountId(), null,
                    account.source() + " state " + account.state() + ": nothing to bootstrap");
        }
        if (account.accountId() == null || !account.accountId().matches("\\d{12}")) {
            throw new IllegalArgumentException(account.source() + " event without a 12-digit account id: "
                    + account.accountId());
        }
        String bucket = settings.configBucket();
        String key = settings.configKey();
        String file = "s3://" + bucket + "/" + key;
        ObjectStore.StoredObject config = store.read(bucket, key, null, LoadConfigStep.MAX_CONFIG_BYTES)
                .orElseThrow(() -> new IllegalStateException("configured cdk-app.yml " + file + " not found"));
        Plan plan;
        try {
            plan = ConfigPlanner.plan(file, config.content(), new ObjectStorePolicyFiles(store, bucket, key)).plan();
        } catch (ConfigValidationException e) {
            throw new ConfigInvalid(e.getMessage(), e);
        }
        if (plan.targets().stream().noneMatch(t -> t.account().equals(account.accountId()))) {
            return new NewAccountResult(Action.IGNORED, account.accountId(), null,
                    "account is not in " + file + "; not bootstrapped");
        }
        String version = config.versionId() != null ? config.versionId() : config.eTag();
        String input = json(new ExecutionInput(bucket, key, config.versionId(), List.of(account.accountId()), null,
                "new-account", null));
        return startUnlessDone(account.accountId(), version, input);
    }

    /**
     * At most one success per account and config version: attempt names {@code <name>}, {@code <name>-2},
     * ... are tried in order; a running or succeeded one means nothing to do, a failed (timed out,
     * aborted) one moves on to the next name. Concurrent events reach the same name and Step Functions
     * starts it once.
     */
    private NewAccountResult startUnlessDone(String accountId, String version, String input) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String name = executionName(accountId, version, attempt);
            Optional<ExecutionStarter.Execution> earlier = starter.find(settings.stateMachineArn(), name);
            if (earlier.isEmpty()) {
                ExecutionStarter.Started started = starter.start(settings.stateMachineArn(), name, input);
                return new NewAccountResult(started.alreadyExisted() ? Action.ALREADY_STARTED : Action.STARTED,
                        accountId, started.executionArn(), started.alreadyExisted()
                                ? "execution " + name + " was already started" : "started execution " + name
                                + (attempt > 1 ? " (earlier runs for this account and config version failed)" : ""));
            }
            String status = earlier.get().status();
            if (!FINISHED_WITHOUT_SUCCESS.contains(status)) {
                return new NewAccountResult(Action.ALREADY_STARTED, accountId, earlier.get().executionArn(), "execution "
                        + name + " is " + status + "; at most one run per account and config version succeeds");
            }
        }
        return new NewAccountResult(Action.IGNORED, accountId, null, MAX_ATTEMPTS + " runs for this account and config"
                + " version failed; look at them, then start one by hand or upload the config again");
    }

    /** Attempt 1 is {@code new-account-<account>-<12 hex of sha256(config version)>}; later ones end in -N. */
    public static String executionName(String account, String configVersion, int attempt) {
        return executionName(account, configVersion) + (attempt > 1 ? "-" + attempt : "");
    }

    public static String executionName(String account, String configVersion) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(configVersion).getBytes(StandardCharsets.UTF_8));
            return "new-account-" + account + "-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return Json.strict().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
