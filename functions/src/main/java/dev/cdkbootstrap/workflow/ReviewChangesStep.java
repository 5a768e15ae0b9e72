package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.workflow.model.Approval;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.ReasonCode;
import dev.cdkbootstrap.workflow.model.Refusal;
import dev.cdkbootstrap.workflow.model.RunContext;
import dev.cdkbootstrap.workflow.model.TargetChange;
import dev.cdkbootstrap.workflow.model.TargetItem;
import dev.cdkbootstrap.workflow.model.TargetResult;
import dev.cdkbootstrap.workflow.port.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Approval gate, after the preview pass of the Map (docs/workflow.md, "Approval"). Reads every
 * target's preview result, writes what the run would change ({@code approval/changes.json} and
 * {@code changes.md}) and the items the real pass runs ({@code approval/targets.json}: a target the
 * preview failed or found busy is refused there with the preview's code and reason, so nothing
 * unreviewed is ever built), and returns the run with status PENDING when some change needs a person under the
 * run's mode, NOT_NEEDED otherwise.
 */
public final class ReviewChangesStep {
    private final ObjectStore store;
    private final int pinnedVersion;
    private final Duration approvalTimeout;

    /** @param approvalTimeout ApprovalTimeoutHours: how long a PENDING run waits for an answer */
    public ReviewChangesStep(ObjectStore store, int pinnedVersion, Duration approvalTimeout) {
        this.store = store;
        this.pinnedVersion = pinnedVersion;
        this.approvalTimeout = approvalTimeout;
    }

    /** The changes file: the run, its mode, how many changes need approval, and every change. */
    public record Changes(String runId, String mode, int needed, List<TargetChange> changes) {}

    public RunContext run(RunContext run) {
        if (run.approval() == null || !run.preview()) {
            throw new IllegalArgumentException("ReviewChanges input: run " + run.runId() + " is not an approval preview");
        }
        String mode = run.approval().mode();
        RunResults reader = new RunResults(store);
        List<TargetItem> items = reader.items(run);
        List<TargetResult> previews = reader.results(run, items, true);
        List<TargetChange> changes = new ArrayList<>();
        List<TargetItem> reviewed = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            TargetItem item = items.get(i);
            TargetResult preview = previews.get(i);
            if (!reviewable(preview)) { // failed or waited in the preview: not reviewed, so never built
                reviewed.add(item.refusal() != null ? item : item.refused(new Refusal(preview.reasonCode() == null
                        ? ReasonCode.STEP_FAILED : preview.reasonCode(), "not reviewed for approval: the preview "
                        + (preview.outcome() == Outcome.PLANNED ? "could not decide it" : "failed it") + ": "
                        + preview.reason() + "; start a new run")));
                continue;
            }
            reviewed.add(item);
            ChangeReview.review(item.target(), preview, pinnedVersion, mode).ifPresent(changes::add);
        }
        int needed = (int) changes.stream().filter(c -> c.approvalNeeded() != null).count();
        String changesKey = RunLayout.changes(run.runFolder());
        store.write(run.artifactBucket(), changesKey, Json.prettyBytes(new Changes(run.runId(), mode, needed, changes)),
                "application/json");
        store.write(run.artifactBucket(), RunLayout.changesMarkdown(run.runFolder()),
                ChangesMarkdown.render(run.runId(), mode, needed, changes).getBytes(StandardCharsets.UTF_8),
                "text/markdown");
        String itemsKey = RunLayout.reviewedTargets(run.runFolder());
        store.write(run.artifactBucket(), itemsKey, Json.prettyBytes(reviewed), "application/json");
        return run.reviewed(itemsKey, new Approval(mode, needed > 0 ? Approval.Status.PENDING
                : Approval.Status.NOT_NEEDED, needed, changesKey, approvalTimeout.toSeconds(), null, null));
    }

    /**
     * Only what the preview decided can be reviewed: a build it described, or an up-to-date toolkit.
     * A target the preview failed, or found busy (WAIT), would otherwise reach the real pass unreviewed
     * and could build there after its wait.
     */
    private static boolean reviewable(TargetResult preview) {
        return preview.outcome() == Outcome.PLANNED && preview.reasonCode() != null
                && (preview.reasonCode().startsBuild() || preview.reasonCode() == ReasonCode.UP_TO_DATE);
    }

}
