package dev.cdkbootstrap.sandbox.quirks;

import dev.cdkbootstrap.sandbox.front.Exchange;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.QueryXml;
import dev.cdkbootstrap.sandbox.front.Reply;
import dev.cdkbootstrap.sandbox.front.ResponseFix;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * moto 5.2.1 quirk: the {@code Tags} of an UPDATE change set are ignored when it is executed (a CREATE
 * change set's tags do reach the new stack), and DescribeChangeSet does not show them. AWS replaces the
 * stack's tags with the change set's when they are given ({@code cdk bootstrap --tags}). The front records
 * the tags of every UPDATE CreateChangeSet it answers (by the change set's id) and, after a successful
 * ExecuteChangeSet of it, asks moto for an {@code UpdateStack} with {@code UsePreviousTemplate} and those
 * tags (no resource or parameter change), which replaces the stack's tags. Logged. Not emulated: an empty
 * tag list (AWS: remove every tag); moto cannot clear tags.
 */
public final class ChangeSetTags implements ResponseFix {
    private final MotoForwarder moto;
    private final PrintStream log;
    private final Map<String, Map<String, String>> byChangeSetId = new ConcurrentHashMap<>();

    public ChangeSetTags(MotoForwarder moto, PrintStream log) {
        this.moto = moto;
        this.log = log;
    }

    @Override
    public Reply apply(Exchange request, Reply response) {
        String action = request.cloudFormationAction().orElse("");
        if (response.status() != 200) {
            return response;
        }
        if (action.equals("CreateChangeSet")) {
            record(request, response);
        } else if (action.equals("ExecuteChangeSet") && !byChangeSetId.isEmpty()) {
            try {
                applyTags(request);
            } catch (RuntimeException e) { // the execution itself succeeded: its answer stands
                log.println("sandbox: moto quirk NOT absorbed: the change set's tags could not be applied: " + e);
            }
        }
        return response;
    }

    private void record(Exchange request, Reply response) {
        Map<String, String> params = request.formParameters();
        if (params.getOrDefault("ChangeSetType", "UPDATE").equals("CREATE")) {
            return; // moto gives a new stack the change set's tags
        }
        Map<String, String> tags = tags(params);
        if (!tags.isEmpty()) {
            QueryXml.first(response.bodyText(), "Id").ifPresent(id -> byChangeSetId.put(id, tags));
        }
    }

    private void applyTags(Exchange request) {
        Map<String, String> params = request.formParameters();
        String changeSet = params.getOrDefault("ChangeSetName", "");
        String id = changeSet;
        if (!byChangeSetId.containsKey(id)) { // named, not by ARN: ask moto for its id
            Map<String, String> describe = new LinkedHashMap<>(Map.of("Action", "DescribeChangeSet", "Version", "2010-05-15",
                    "ChangeSetName", changeSet));
            if (params.containsKey("StackName")) {
                describe.put("StackName", params.get("StackName"));
            }
            id = QueryXml.first(moto.queryAsCaller(request, describe).bodyText(), "ChangeSetId").orElse("");
        }
        Map<String, String> tags = byChangeSetId.remove(id);
        if (tags == null) {
            return;
        }
        String stackId = id.isEmpty() ? "" : QueryXml.first(moto.queryAsCaller(request, Map.of("Action", "DescribeChangeSet",
                "Version", "2010-05-15", "ChangeSetName", id)).bodyText(), "StackId").orElse("");
        Map<String, String> update = new LinkedHashMap<>(Map.of("Action", "UpdateStack", "Version", "2010-05-15",
                "StackName", stackId, "UsePreviousTemplate", "true"));
        int n = 1;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            update.put("Tags.member." + n + ".Key", tag.getKey());
            update.put("Tags.member." + n + ".Value", tag.getValue());
            n++;
        }
        Reply updated = moto.queryAsCaller(request, update);
        log.println(updated.status() == 200
                ? "sandbox: moto quirk absorbed: ExecuteChangeSet " + id + " ignored the change set's tags; moto now holds "
                        + tags.keySet() + " on " + stackId
                : "sandbox: moto quirk NOT absorbed: the tags of change set " + id + " could not be applied: "
                        + updated.status() + " " + updated.bodyText());
    }

    /** {@code Tags.member.N.Key} / {@code .Value} of a query-protocol request, in N order. */
    static Map<String, String> tags(Map<String, String> params) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int n = 1; params.containsKey("Tags.member." + n + ".Key"); n++) {
            tags.put(params.get("Tags.member." + n + ".Key"), params.getOrDefault("Tags.member." + n + ".Value", ""));
        }
        return tags;
    }
}
