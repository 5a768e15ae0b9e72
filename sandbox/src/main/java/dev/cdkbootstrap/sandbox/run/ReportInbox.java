package dev.cdkbootstrap.sandbox.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.Sandbox;
import dev.cdkbootstrap.sandbox.front.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An SQS queue of the deployment account subscribed to the report topic, so that the sandbox can show
 * what a run published: moto delivers a topic's messages to its SQS subscriptions, as SNS does. The
 * sandbox's own reader, not part of the application (the topic's e-mail subscription is not emulated).
 */
final class ReportInbox {
    static final String QUEUE = "sandbox-report-inbox";

    private final Sandbox sandbox;
    private final String region;
    private final String queueUrl;

    private ReportInbox(Sandbox sandbox, String region, String queueUrl) {
        this.sandbox = sandbox;
        this.region = region;
        this.queueUrl = queueUrl;
    }

    /** Creates the queue and subscribes it to {@code topicArn} (SNS JSON envelopes, not raw: the subject stays). */
    static ReportInbox subscribe(Sandbox sandbox, String region, String topicArn) {
        JsonNode created = call(sandbox, region, "CreateQueue", "{\"QueueName\": \"" + QUEUE + "\"}");
        String queueArn = "arn:aws:sqs:" + region + ":" + sandbox.deploymentAccount() + ":" + QUEUE;
        sandbox.clients().sns().subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
        return new ReportInbox(sandbox, region, created.path("QueueUrl").asText());
    }

    /** Every message delivered since the last call, oldest first; each is deleted from the queue once read. */
    List<Notification> drain() {
        List<Notification> messages = new ArrayList<>();
        while (true) {
            JsonNode received = call(sandbox, region, "ReceiveMessage", Json.tolerant().createObjectNode()
                    .put("QueueUrl", queueUrl).put("MaxNumberOfMessages", 10).put("WaitTimeSeconds", 0).toString());
            if (received.path("Messages").isEmpty()) {
                return messages;
            }
            for (JsonNode message : received.path("Messages")) {
                JsonNode envelope = parse(message.path("Body").asText());
                messages.add(new Notification(envelope.path("Subject").asText(null), envelope.path("Message").asText()));
                call(sandbox, region, "DeleteMessage", Json.tolerant().createObjectNode().put("QueueUrl", queueUrl)
                        .put("ReceiptHandle", message.path("ReceiptHandle").asText()).toString());
            }
        }
    }

    private static JsonNode call(Sandbox sandbox, String region, String action, String body) {
        Reply reply = sandbox.moto().json("sqs", region, sandbox.deploymentAccount(), "AmazonSQS." + action, body);
        if (reply.status() != 200) {
            throw new IllegalStateException("moto answered SQS " + action + " with " + reply.status() + ": " + reply.bodyText());
        }
        return parse(reply.bodyText());
    }

    private static JsonNode parse(String text) {
        try {
            return Json.tolerant().readTree(text.isEmpty() ? "{}" : text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }
}
