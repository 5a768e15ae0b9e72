package dev.cdkbootstrap.sandbox.quirks;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * moto 5.2.1 quirk: CloudFormation {@code UpdateTerminationProtection} is not implemented (HTTP 500,
 * NotImplementedError), so {@code cdk bootstrap --termination-protection} fails. The front endpoint answers
 * it as AWS does (the stack must exist: else ValidationError "Stack [NAME] does not exist"; the answer
 * carries the StackId), records the stack's protection, and shows it in every DescribeStacks answer for
 * that stack id from then on ({@code EnableTerminationProtection}). Each call is logged. Not emulated: AWS
 * refuses DeleteStack of a protected stack; here it is deleted.
 */
public final class TerminationProtection implements Route, ResponseFix {
    private static final Pattern PROTECTION = Pattern.compile("<EnableTerminationProtection>[^<]*</EnableTerminationProtection>");

    private final Map<String, Boolean> byStackId = new ConcurrentHashMap<>();
    private final PrintStream log;

    public TerminationProtection(PrintStream log) {
        this.log = log;
    }

    @Override
    public Optional<Reply> handle(Exchange exchange, MotoForwarder moto) {
        if (!exchange.cloudFormationAction().orElse("").equals("UpdateTerminationProtection")) {
            return Optional.empty();
        }
        Map<String, String> params = exchange.formParameters();
        String stack = params.getOrDefault("StackName", "");
        Reply described = moto.queryAsCaller(exchange, Map.of("Action", "DescribeStacks", "Version", "2010-05-15",
                "StackName", stack));
        Optional<String> stackId = QueryXml.first(described.bodyText(), "StackId");
        if (described.status() != 200 || stackId.isEmpty()) {
            return Optional.of(QueryXml.error(400, QueryXml.CLOUDFORMATION, "ValidationError",
                    "Stack [" + stack + "] does not exist"));
        }
        boolean enabled = Boolean.parseBoolean(params.getOrDefault("EnableTerminationProtection", "false"));
        byStackId.put(stackId.get(), enabled);
        log.println("sandbox: moto quirk absorbed: UpdateTerminationProtection is not implemented in moto; termination"
                + " protection of " + stackId.get() + " is now " + enabled + " in every DescribeStacks answer");
        return Optional.of(Reply.of(200, "text/xml", "<UpdateTerminationProtectionResponse xmlns=\"" + QueryXml.CLOUDFORMATION
                + "\"><UpdateTerminationProtectionResult><StackId>" + QueryXml.escape(stackId.get()) + "</StackId>"
                + "</UpdateTerminationProtectionResult><ResponseMetadata><RequestId>" + java.util.UUID.randomUUID()
                + "</RequestId></ResponseMetadata></UpdateTerminationProtectionResponse>"));
    }

    /** The protection recorded for a stack id, if UpdateTerminationProtection was called for it. */
    public Optional<Boolean> recorded(String stackId) {
        return Optional.ofNullable(byStackId.get(stackId));
    }

    @Override
    public Reply apply(Exchange request, Reply response) {
        if (byStackId.isEmpty() || response.status() != 200
                || !request.cloudFormationAction().orElse("").equals("DescribeStacks")) {
            return response;
        }
        return StackMembers.rewrite(response, PROTECTION, stackId -> Optional.ofNullable(byStackId.get(stackId))
                .map(enabled -> "<EnableTerminationProtection>" + enabled + "</EnableTerminationProtection>"));
    }
}
