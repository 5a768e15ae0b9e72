package dev.cdkbootstrap.sandbox.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.sandbox.deploy.Deployment;
import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.Route;
import java.io.PrintStream;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * While the sandbox serves ({@code --serve}): an object written into the config bucket by any client
 * ({@code bootstrapctl upload}, {@code aws s3 cp}) becomes EventBridge's "Object Created" event,
 * delivered to every state-machine rule it matches, as in AWS. moto's EventBridge cannot start Step
 * Functions from an S3 event, so the front endpoint does it once moto has stored the object, before it
 * answers the upload; each delivery is printed. Off until {@link #deliverFor}: the sandbox's own
 * uploads deliver their event themselves ({@code SandboxRunner}), to follow the execution they start.
 */
public final class UploadEvents implements Route {
    private record Serving(Deployment deployment, String account, SfnClient sfn, PrintStream out) {}

    private volatile Serving serving;

    /**
     * From now on, objects written into {@code deployment}'s config bucket start the executions its
     * rules say, through {@code sfn} (the front endpoint, so the StartExecution quirk fix applies).
     */
    public void deliverFor(Deployment deployment, String account, SfnClient sfn, PrintStream out) {
        serving = new Serving(deployment, account, sfn, out);
    }

    @Override
    public Optional<Reply> handle(Exchange exchange, MotoForwarder moto) {
        Serving now = serving;
        if (now == null || !exchange.signedService().orElse("").equals("s3") || !createsObject(exchange)) {
            return Optional.empty();
        }
        Optional<String[]> location = bucketAndKey(exchange);
        if (location.isEmpty() || !location.get()[0].equals(now.deployment().configBucket())) {
            return Optional.empty();
        }
        Reply reply = moto.forward(exchange);
        if (reply.status() == 200) {
            deliver(now, location.get()[0], location.get()[1], exchange, reply);
        }
        return Optional.of(reply);
    }

    /** PutObject, CopyObject or CompleteMultipartUpload; not an UploadPart, not a sub-resource (?acl, ...). */
    private static boolean createsObject(Exchange exchange) {
        String query = exchange.uri().getRawQuery() == null ? "" : exchange.uri().getRawQuery();
        if (exchange.method().equals("PUT")) {
            return query.isEmpty() || query.startsWith("x-id=PutObject") || query.startsWith("x-id=CopyObject");
        }
        return exchange.method().equals("POST") && query.startsWith("uploadId=");
    }

    /** Path style ({@code /bucket/key}) or virtual-hosted ({@code bucket.localhost:PORT} and {@code /key}). */
    static Optional<String[]> bucketAndKey(Exchange exchange) {
        String path = exchange.uri().getPath();
        String host = exchange.header("Host").orElse("");
        String hostName = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        if (hostName.endsWith(".localhost")) {
            String bucket = hostName.substring(0, hostName.length() - ".localhost".length());
            return path.length() > 1 ? Optional.of(new String[] {bucket, path.substring(1)}) : Optional.empty();
        }
        int slash = path.indexOf('/', 1);
        return slash < 0 || slash == path.length() - 1 ? Optional.empty()
                : Optional.of(new String[] {path.substring(1, slash), path.substring(slash + 1)});
    }

    private static void deliver(Serving now, String bucket, String key, Exchange request, Reply reply) {
        String versionId = header(reply, "x-amz-version-id");
        long size = request.header("x-amz-decoded-content-length").or(() -> request.header("Content-Length"))
                .map(Long::parseLong).orElse((long) request.body().length);
        ObjectNode event = ApplicationEvents.objectCreated(now.account(), now.deployment().region(), bucket, key, size,
                header(reply, "ETag") == null ? null : header(reply, "ETag").replace("\"", ""), versionId);
        for (EventRule rule : now.deployment().rules()) {
            Optional<String> input = rule.stateMachineInput(event);
            if (input.isEmpty()) {
                continue;
            }
            String name = UUID.randomUUID().toString();
            try {
                now.sfn().startExecution(b -> b.stateMachineArn(rule.target().arnOrName()).name(name).input(input.get()));
                now.out().println("sandbox: s3://" + bucket + "/" + key + " was written (version " + versionId
                        + "): delivered its 'Object Created' event to rule " + rule.name() + " (moto's EventBridge cannot"
                        + " start Step Functions), which started run " + name + " with " + input.get());
            } catch (SdkException e) {
                now.out().println("sandbox: s3://" + bucket + "/" + key + " was written, but rule " + rule.name()
                        + " could not start its execution: " + e.getMessage());
            }
        }
    }

    private static String header(Reply reply, String name) {
        return reply.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
}
