package dev.cdkbootstrap.sandbox.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.json.Json;
import java.time.Instant;
import java.util.UUID;

/** The events AWS would emit for the sandbox: an S3 upload, an account created or enrolled. */
public final class ApplicationEvents {
    private ApplicationEvents() {}

    /** EventBridge's "Object Created" event of an S3 bucket with EventBridge notifications on. */
    public static ObjectNode objectCreated(String account, String region, String bucket, String key, long size,
                                           String eTag, String versionId) {
        ObjectNode event = envelope("aws.s3", "Object Created", account, region);
        event.putArray("resources").add("arn:aws:s3:::" + bucket);
        ObjectNode detail = event.putObject("detail").put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        ObjectNode object = detail.putObject("object").put("key", key).put("size", size).put("etag", eTag);
        if (versionId != null) {
            object.put("version-id", versionId);
        }
        detail.put("request-id", UUID.randomUUID().toString()).put("requester", account)
                .put("source-ip-address", "127.0.0.1").put("reason", "PutObject");
        return event;
    }

    /** Organizations' CreateAccountResult (via CloudTrail), state SUCCEEDED. */
    public static ObjectNode organizationsAccountCreated(String orchestratorAccount, String newAccount) {
        ObjectNode event = envelope("aws.organizations", "AWS Service Event via CloudTrail", orchestratorAccount, "us-east-1");
        ObjectNode detail = cloudTrailDetail(event, "organizations.amazonaws.com", "CreateAccountResult", orchestratorAccount);
        detail.putObject("serviceEventDetails").putObject("createAccountStatus")
                .put("id", "car-" + UUID.randomUUID().toString().replace("-", ""))
                .put("state", "SUCCEEDED").put("accountName", "****").put("accountId", newAccount);
        return event;
    }

    /** Control Tower's CreateManagedAccount (via CloudTrail), state SUCCEEDED. */
    public static ObjectNode controlTowerAccountManaged(String orchestratorAccount, String region, String newAccount) {
        ObjectNode event = envelope("aws.controltower", "AWS Service Event via CloudTrail", orchestratorAccount, region);
        ObjectNode detail = cloudTrailDetail(event, "controltower.amazonaws.com", "CreateManagedAccount", orchestratorAccount);
        ObjectNode status = detail.putObject("serviceEventDetails").putObject("createManagedAccountStatus");
        status.putObject("account").put("accountName", "sandbox-" + newAccount).put("accountId", newAccount);
        status.put("state", "SUCCEEDED").put("message", "AWS Control Tower successfully created an enrolled account.");
        return event;
    }

    private static ObjectNode envelope(String source, String detailType, String account, String region) {
        ObjectNode event = Json.tolerant().createObjectNode();
        event.put("version", "0").put("id", UUID.randomUUID().toString()).put("detail-type", detailType)
                .put("source", source).put("account", account).put("time", Instant.now().toString())
                .put("region", region);
        event.putArray("resources");
        return event;
    }

    private static ObjectNode cloudTrailDetail(ObjectNode event, String eventSource, String eventName, String account) {
        return event.putObject("detail").put("eventVersion", "1.08").put("eventSource", eventSource)
                .put("eventName", eventName).put("eventType", "AwsServiceEvent").put("recipientAccountId", account);
    }
}
