package dev.cdkbootstrap.sandbox.quirks;

import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.QueryXml;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.Route;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * moto 5.2.1 quirk: {@code CreateChangeSet} of type CREATE for a stack name that exists in
 * REVIEW_IN_PROGRESS (a change set created and never executed) makes a SECOND stack of that name, and
 * DescribeStacks by name keeps answering the old, empty one. AWS adds the change set to the existing
 * stack. The CDK CLI does exactly this for such a stack (it treats REVIEW_IN_PROGRESS as "to be
 * created"), so before the call the REVIEW_IN_PROGRESS stack is deleted in moto (logged); the created
 * stack then gets a new stack id where AWS would keep the old one.
 */
public final class ReviewStackReuse implements Route {
    private final PrintStream log;

    public ReviewStackReuse(PrintStream log) {
        this.log = log;
    }

    @Override
    public Optional<Reply> handle(Exchange exchange, MotoForwarder moto) {
        if (!exchange.cloudFormationAction().orElse("").equals("CreateChangeSet")) {
            return Optional.empty();
        }
        Map<String, String> params = exchange.formParameters();
        if (!params.getOrDefault("ChangeSetType", "CREATE").equals("CREATE")) {
            return Optional.empty();
        }
        String stack = params.getOrDefault("StackName", "");
        Reply described = moto.queryAsCaller(exchange, Map.of("Action", "DescribeStacks", "Version", "2010-05-15",
                "StackName", stack));
        String body = described.bodyText();
        if (described.status() == 200 && QueryXml.first(body, "StackStatus").orElse("").equals("REVIEW_IN_PROGRESS")) {
            String stackId = QueryXml.first(body, "StackId").orElseThrow();
            moto.queryAsCaller(exchange, Map.of("Action", "DeleteStack", "Version", "2010-05-15", "StackName", stackId));
            log.println("sandbox: moto quirk absorbed: CreateChangeSet (CREATE) for " + stack + " in REVIEW_IN_PROGRESS: "
                    + "deleted " + stackId + " first, so moto does not make a second stack of that name");
        }
        return Optional.empty();
    }
}
