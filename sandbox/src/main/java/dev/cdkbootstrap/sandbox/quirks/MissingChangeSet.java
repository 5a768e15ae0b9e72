package dev.cdkbootstrap.sandbox.quirks;

import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.QueryXml;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.ResponseFix;
import java.io.PrintStream;
import java.util.Map;

/**
 * moto 5.2.1 quirks about a CloudFormation change set that does not exist, both met by every update of an
 * existing toolkit stack (the CDK CLI removes a change set of its new, random name "if it exists" and waits
 * until it is gone before creating it):
 * <ul>
 *   <li>{@code DeleteChangeSet} crashes (HTTP 500, {@code UnboundLocalError}); AWS answers success when the
 *       stack exists and ValidationError "Stack [NAME] does not exist" otherwise. Rewritten to those.</li>
 *   <li>{@code DescribeChangeSet} answers ValidationError "Stack with id NAME does not exist"; AWS answers
 *       {@code ChangeSetNotFound} (HTTP 404), which the CLI waits for. Rewritten to that.</li>
 * </ul>
 * Each rewrite is logged.
 */
public final class MissingChangeSet implements ResponseFix {
    private final MotoForwarder moto;
    private final PrintStream log;

    public MissingChangeSet(MotoForwarder moto, PrintStream log) {
        this.moto = moto;
        this.log = log;
    }

    @Override
    public Reply apply(Exchange request, Reply response) {
        String action = request.cloudFormationAction().orElse("");
        if (action.equals("DeleteChangeSet") && response.status() >= 500) {
            return deleted(request);
        }
        if (action.equals("DescribeChangeSet") && response.status() == 400) {
            String name = request.formParameters().getOrDefault("ChangeSetName", "");
            String message = QueryXml.first(response.bodyText(), "Message").orElse("");
            if (message.equals("Stack with id " + name + " does not exist")) {
                log.println("sandbox: moto quirk absorbed: DescribeChangeSet of missing change set " + name
                        + " answers ChangeSetNotFound (404) as in AWS, not ValidationError");
                return QueryXml.error(404, QueryXml.CLOUDFORMATION, "ChangeSetNotFound", "ChangeSet [" + name + "] does not exist");
            }
        }
        return response;
    }

    private Reply deleted(Exchange request) {
        Map<String, String> params = request.formParameters();
        String stack = params.getOrDefault("StackName", "");
        String changeSet = params.getOrDefault("ChangeSetName", "");
        if (!stack.isEmpty()) {
            Reply described = moto.queryAsCaller(request, Map.of("Action", "DescribeStacks", "Version", "2010-05-15",
                    "StackName", stack));
            if (described.status() != 200) {
                log.println("sandbox: moto quirk absorbed: DeleteChangeSet " + changeSet + " crashed moto; the stack "
                        + stack + " does not exist either: ValidationError as in AWS");
                return QueryXml.error(400, QueryXml.CLOUDFORMATION, "ValidationError", "Stack [" + stack + "] does not exist");
            }
        }
        log.println("sandbox: moto quirk absorbed: DeleteChangeSet of missing change set " + changeSet
                + " crashed moto (500); answered success as AWS does");
        return QueryXml.empty("DeleteChangeSet", QueryXml.CLOUDFORMATION);
    }
}
