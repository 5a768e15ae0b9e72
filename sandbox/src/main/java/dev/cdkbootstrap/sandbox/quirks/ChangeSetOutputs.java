package dev.cdkbootstrap.sandbox.quirks;

import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.QueryXml;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.ResponseFix;
import dev.cdkbootstrap.sandbox.toolkit.StackPresentations;
import java.io.PrintStream;
import java.util.Map;

/**
 * moto 5.2.1 quirk: {@code ExecuteChangeSet} applies the resources but never evaluates the template's
 * Outputs, so a stack made or changed through a change set (every {@code cdk bootstrap}) has none:
 * no {@code BootstrapVersion} output, which the CDK CLI and the product read. After a successful
 * execution the sandbox asks moto to re-read the stack's own template ({@code UpdateStack} with
 * {@code UsePreviousTemplate} and no parameters, which changes no resource and keeps the parameters) so
 * moto computes the Outputs. That leaves UPDATE_COMPLETE; after a CREATE change set the stack's
 * CREATE_COMPLETE is presented ({@link StackPresentations}) until the stack is next changed. Logged.
 * Side effect: DescribeStackEvents lists that UpdateStack's two events.
 */
public final class ChangeSetOutputs implements ResponseFix {
    private final MotoForwarder moto;
    private final StackPresentations presentations;
    private final PrintStream log;

    public ChangeSetOutputs(MotoForwarder moto, StackPresentations presentations, PrintStream log) {
        this.moto = moto;
        this.presentations = presentations;
        this.log = log;
    }

    @Override
    public Reply apply(Exchange request, Reply response) {
        if (response.status() != 200 || !request.cloudFormationAction().orElse("").equals("ExecuteChangeSet")) {
            return response;
        }
        try {
            refresh(request);
        } catch (RuntimeException e) { // the execution itself succeeded: its answer stands
            log.println("sandbox: moto quirk NOT absorbed: the Outputs after ExecuteChangeSet could not be computed: " + e);
        }
        return response;
    }

    private void refresh(Exchange request) {
        Map<String, String> params = request.formParameters();
        String stack = params.get("StackName");
        if (stack == null || stack.isEmpty()) {
            Reply changeSet = moto.queryAsCaller(request, Map.of("Action", "DescribeChangeSet", "Version", "2010-05-15",
                    "ChangeSetName", params.getOrDefault("ChangeSetName", "")));
            stack = QueryXml.first(changeSet.bodyText(), "StackId").orElse("");
        }
        Reply described = moto.queryAsCaller(request, Map.of("Action", "DescribeStacks", "Version", "2010-05-15", "StackName", stack));
        String stackId = QueryXml.first(described.bodyText(), "StackId").orElse(stack);
        String status = QueryXml.first(described.bodyText(), "StackStatus").orElse("");
        Reply refreshed = moto.queryAsCaller(request, Map.of("Action", "UpdateStack", "Version", "2010-05-15",
                "StackName", stackId, "UsePreviousTemplate", "true"));
        if (refreshed.status() != 200) {
            log.println("sandbox: moto quirk NOT absorbed: the Outputs of " + stackId + " could not be computed after "
                    + "ExecuteChangeSet: UpdateStack answered " + refreshed.status() + ": " + refreshed.bodyText());
            return;
        }
        if (status.equals("CREATE_COMPLETE")) {
            presentations.present(stackId, "CREATE_COMPLETE", "");
        }
        log.println("sandbox: moto quirk absorbed: ExecuteChangeSet on " + stackId + " left no Outputs; moto re-read the "
                + "template so they exist" + (status.equals("CREATE_COMPLETE") ? " (CREATE_COMPLETE kept)" : ""));
    }
}
