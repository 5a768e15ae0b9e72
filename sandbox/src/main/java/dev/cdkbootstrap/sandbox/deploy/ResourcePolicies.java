package dev.cdkbootstrap.sandbox.deploy;

import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template's resource policies and its dead-letter queue, deployed into moto as CloudFormation
 * would: the topic policy, the queue with its policy (moto stores them and evaluates neither). The
 * bucket policy is resolved (every reference in it, role ARNs and the publishers' list, must resolve
 * as in a deployment) but NOT stored: moto 5.2.1 evaluates a bucket policy's {@code Principal: "*"}
 * statements on object requests without the request's context, so a Deny conditioned on
 * aws:PrincipalArn or aws:SecureTransport denies every write and a NotResource statement is read as a
 * trust policy (a quirk, printed). {@link #notDeployed} names what the sandbox leaves out.
 */
final class ResourcePolicies {
    /** Types the deployer creates (OrchestratorDeployer, Schedules, this class), or that only SAM reads. */
    private static final Set<String> DEPLOYED = Set.of("AWS::IAM::Role", "AWS::S3::Bucket", "AWS::SNS::Topic",
            "AWS::Serverless::Function", "AWS::Serverless::StateMachine", "AWS::CodeBuild::Project",
            "AWS::Events::Rule", "AWS::SNS::TopicPolicy", "AWS::SQS::Queue",
            "AWS::SQS::QueuePolicy", "AWS::Scheduler::ScheduleGroup", "AWS::Scheduler::Schedule");

    private final SamApplication app;
    private final EmulatorClients clients;
    private final MotoForwarder moto;
    private final List<String> quirks = new ArrayList<>();

    ResourcePolicies(SamApplication app, EmulatorClients clients, MotoForwarder moto) {
        this.app = app;
        this.clients = clients;
        this.moto = moto;
    }

    /** Deploys the queues and the policies; returns one line per policy stored. */
    @SuppressWarnings("unchecked")
    List<String> deploy() {
        List<String> stored = new ArrayList<>();
        Map<String, String> queueUrls = new LinkedHashMap<>();
        for (String queue : app.resourcesOfType("AWS::SQS::Queue")) {
            Map<String, String> params = new LinkedHashMap<>(Map.of("Action", "CreateQueue", "QueueName", app.physicalName(queue)));
            int n = 0;
            for (Map.Entry<String, Object> attribute : app.properties(queue).entrySet()) {
                n++;
                params.put("Attribute." + n + ".Name", attribute.getKey());
                params.put("Attribute." + n + ".Value", app.intrinsics().string(attribute.getValue()));
            }
            String body = check(moto.query("sqs", app.region(), app.account(), params)).bodyText();
            queueUrls.put(queue, body.substring(body.indexOf("<QueueUrl>") + 10, body.indexOf("</QueueUrl>")));
        }
        for (String id : app.resourcesOfType("AWS::SQS::QueuePolicy")) {
            Map<String, Object> props = app.properties(id);
            String policy = json(app.intrinsics().resolve(props.get("PolicyDocument")));
            for (Object queue : (List<Object>) props.get("Queues")) {
                String logicalId = String.valueOf(((Map<String, Object>) queue).get("Ref"));
                check(moto.query("sqs", app.region(), app.account(), Map.of("Action", "SetQueueAttributes",
                        "QueueUrl", queueUrls.get(logicalId), "Attribute.1.Name", "Policy", "Attribute.1.Value", policy)));
                stored.add("queue policy " + id + " on " + app.physicalName(logicalId));
            }
        }
        for (String id : app.resourcesOfType("AWS::S3::BucketPolicy")) {
            Map<String, Object> props = app.properties(id);
            json(app.intrinsics().resolve(props.get("PolicyDocument")));
            quirks.add("moto quirk: bucket policy " + id + " resolved but not stored on " + app.intrinsics().string(props.get("Bucket"))
                    + " (moto evaluates a bucket policy on object writes without the request's aws:PrincipalArn or"
                    + " aws:SecureTransport and would deny every write; docs/sandbox.md)");
        }
        for (String id : app.resourcesOfType("AWS::SNS::TopicPolicy")) {
            Map<String, Object> props = app.properties(id);
            String policy = json(app.intrinsics().resolve(props.get("PolicyDocument")));
            for (Object topic : (List<Object>) app.intrinsics().resolve(props.get("Topics"))) {
                clients.sns().setTopicAttributes(b -> b.topicArn(String.valueOf(topic)).attributeName("Policy").attributeValue(policy));
                stored.add("topic policy " + id + " on " + topic);
            }
        }
        return stored;
    }

    /** The quirks met by {@link #deploy} (one line each, to print). */
    List<String> quirks() {
        return List.copyOf(quirks);
    }

    /**
     * Every resource type (with the logical ids whose Condition holds) the sandbox does not deploy,
     * e.g. {@code AWS::KMS::Key ReportTopicKey}.
     */
    List<String> notDeployed() {
        Map<String, List<String>> left = new java.util.TreeMap<>();
        app.resourceIds().forEach(id -> {
            String type = String.valueOf(app.definition(id).get("Type"));
            if (!DEPLOYED.contains(type) && app.resourcesOfType(type).contains(id)) {
                left.computeIfAbsent(type, t -> new ArrayList<>()).add(id);
            }
        });
        return left.entrySet().stream().map(e -> e.getKey() + " " + String.join(", ", e.getValue())).toList();
    }

    private static Reply check(Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("moto answered " + reply.status() + ": " + reply.bodyText());
        }
        return reply;
    }

    private static String json(Object value) {
        try {
            return Json.tolerant().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
