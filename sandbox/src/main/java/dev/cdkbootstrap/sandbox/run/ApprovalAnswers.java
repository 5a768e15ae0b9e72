package dev.cdkbootstrap.sandbox.run;

import dev.cdkbootstrap.aws.ApprovalResponder;
import dev.cdkbootstrap.sandbox.Sandbox;
import dev.cdkbootstrap.sandbox.deploy.Deployment;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The sandbox's person at the approval gate ({@code --approval approve|reject}): each time the watcher
 * looks at a run, a waiting approval request is answered once, through the same
 * {@link ApprovalResponder} that {@code bootstrapctl approve|reject} uses. Without {@code --approval}
 * the answer is reject, which is what no answer within ApprovalTimeoutHours amounts to.
 */
final class ApprovalAnswers implements Consumer<String> {
    private final ApprovalResponder responder;
    private final String bucket;
    private final String runsRoot;
    private final Optional<Boolean> approval;
    private final PrintStream out;
    private final Set<String> answered = new HashSet<>();
    private boolean quirkPrinted;

    ApprovalAnswers(Sandbox sandbox, Deployment deployment, Optional<Boolean> approval, PrintStream out) {
        this.responder = new ApprovalResponder(sandbox.clients().s3(), sandbox.clients().sfn());
        this.bucket = deployment.configBucket();
        this.runsRoot = deployment.runsRoot();
        this.approval = approval;
        this.out = out;
    }

    @Override
    public void accept(String runId) {
        if (answered.contains(runId)) {
            return;
        }
        responder.pending(bucket, runsRoot, runId).ifPresent(request -> {
            boolean approve = approval.orElse(false);
            responder.answer(bucket, runsRoot, runId, approve, "sandbox --approval", null);
            answered.add(runId);
            out.println("sandbox: run " + runId + " waits for approval (" + request.needed() + " target(s), "
                    + request.mode() + ", changes in s3://" + bucket + "/" + request.changesKey() + "): "
                    + (approval.isEmpty() ? "no --approval given, so the sandbox rejects it (as no answer would)"
                    : "--approval " + (approve ? "approve" : "reject")));
            if (!approve && !quirkPrinted) {
                out.println("sandbox: moto quirk: SendTaskFailure keeps the error (" + ApprovalResponder.REJECTED
                        + ") but drops its cause, so the report names no rejecter here (AWS keeps both)");
                quirkPrinted = true;
            }
        });
    }
}
