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

/**
 * Step 7, on a new-account event (Organizations or Control Tower). When the created account is in
 * the configured cdk-app.yml, starts one run filtered to it, named
 * {@code new-account-<account>-<12 hex of sha256(config version)>}, so both event sources and
 * redeliveries start it at most once. Failed creations and unknown accounts are ignored.
 */
public final class NewAccountStep {
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
        String name = executionName(account.accountId(), version);
        var input = new ExecutionInput(bucket, key, config.versionId(), List.of(account.accountId()), null,
                "new-account");
        ExecutionStarter.Started started = starter.start(settings.stateMachineArn(), name, json(input));
        return new NewAccountResult(started.alreadyExisted() ? Action.ALREADY_STARTED : Action.STARTED,
                account.accountId(), started.executionArn(), started.alreadyExisted()
                        ? "execution " + name + " was already started" : "started execution " + name);
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
