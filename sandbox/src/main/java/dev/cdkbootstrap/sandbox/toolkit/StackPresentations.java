package dev.cdkbootstrap.sandbox.toolkit;

import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.QueryXml;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.ResponseFix;
import dev.cdkbootstrap.sandbox.front.Route;
import dev.cdkbootstrap.sandbox.front.StackMembers;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Stack statuses moto cannot reach (ROLLBACK_COMPLETE, DELETE_FAILED, *_IN_PROGRESS, ...), presented at
 * the front endpoint: DescribeStacks and ListStacks answer the presented status (and a reason naming the
 * sandbox) for that stack id UNTIL the stack is next changed, i.e. any mutating CloudFormation call on it
 * ({@link #MUTATING}, whether or not moto accepts it); from then on moto's real state shows. The stack
 * itself exists in moto (see {@link ToolkitStacks}). DescribeStackEvents is not presented: the CDK CLI
 * reads events only while it changes a stack, when the presentation has already ended.
 */
public final class StackPresentations implements Route, ResponseFix {
    /** The calls that change a stack (CloudFormation API), ending its presentation. */
    static final Set<String> MUTATING = Set.of("CreateChangeSet", "ExecuteChangeSet", "DeleteStack", "UpdateStack",
            "CreateStack", "ContinueUpdateRollback", "RollbackStack", "CancelUpdateStack");
    private static final Pattern STATUS = Pattern.compile("<StackStatus>[^<]*</StackStatus>(<StackStatusReason>[^<]*</StackStatusReason>)?");

    /** One presentation: what DescribeStacks says about {@code stackId} until the stack is next changed. */
    public record Presented(String stackId, String stackName, String region, String status, String reason) {}

    private final Map<String, Presented> byStackId = new ConcurrentHashMap<>();
    private final PrintStream log;

    public StackPresentations(PrintStream log) {
        this.log = log;
    }

    /** Presents {@code status} (with {@code reason}, none when empty) for the stack {@code stackId} until it is next changed. */
    public void present(String stackId, String status, String reason) {
        String[] arn = stackId.split(":");
        String[] resource = arn.length > 5 ? arn[5].split("/") : new String[0];
        if (resource.length < 2) {
            throw new IllegalArgumentException("not a stack id: " + stackId);
        }
        byStackId.put(stackId, new Presented(stackId, resource[1], arn[3], status, reason));
    }

    /** The status presented for {@code stackId} now, if any. */
    public Optional<String> presented(String stackId) {
        return Optional.ofNullable(byStackId.get(stackId)).map(Presented::status);
    }

    /** A mutating call on a presented stack ends its presentation; the call itself goes on to moto. */
    @Override
    public Optional<Reply> handle(Exchange exchange, MotoForwarder moto) {
        if (byStackId.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> action = exchange.cloudFormationAction();
        if (action.isEmpty() || !MUTATING.contains(action.get())) {
            return Optional.empty();
        }
        String stack = exchange.formParameters().getOrDefault("StackName", "");
        String region = exchange.signedRegion().orElse("");
        if (byStackId.containsKey(stack)) {
            end(stack, action.get());
            return Optional.empty();
        }
        boolean candidate = byStackId.values().stream().anyMatch(p -> p.stackName().equals(stack) && p.region().equals(region));
        if (candidate) {
            // The same name may be presented in several accounts: ask moto which stack the caller means.
            Reply described = moto.queryAsCaller(exchange, Map.of("Action", "DescribeStacks", "Version", "2010-05-15",
                    "StackName", stack));
            QueryXml.first(described.bodyText(), "StackId").filter(byStackId::containsKey).ifPresent(id -> end(id, action.get()));
        }
        return Optional.empty();
    }

    private void end(String stackId, String action) {
        Presented ended = byStackId.remove(stackId);
        if (ended != null) {
            log.println("sandbox: " + action + " on stack " + stackId + " ends the presented status " + ended.status()
                    + "; moto's own state shows from now on");
        }
    }

    /** DescribeStacks and ListStacks: the presented status replaces moto's for each presented stack id. */
    @Override
    public Reply apply(Exchange request, Reply response) {
        if (byStackId.isEmpty() || response.status() != 200) {
            return response;
        }
        String action = request.cloudFormationAction().orElse("");
        if (!action.equals("DescribeStacks") && !action.equals("ListStacks")) {
            return response;
        }
        return StackMembers.rewrite(response, STATUS, stackId -> Optional.ofNullable(byStackId.get(stackId))
                .map(presented -> "<StackStatus>" + presented.status() + "</StackStatus>" + (presented.reason().isEmpty() ? ""
                        : "<StackStatusReason>" + QueryXml.escape(presented.reason()) + "</StackStatusReason>")));
    }
}
