package dev.cdkbootstrap.sandbox.run;

import dev.cdkbootstrap.sandbox.Sandbox;
import dev.cdkbootstrap.sandbox.deploy.Deployment;
import dev.cdkbootstrap.sandbox.events.Schedule;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fires the deployment's reconcile schedule (template.yaml, ReconcileSchedule) once per call, as EventBridge
 * Scheduler would, since moto never fires a schedule: StartExecution of its target with its Input, followed to
 * the run's report. It prints what it does and what the run published to the report topic (read through
 * {@link ReportInbox}), because a drift report (ReconcileMode report) is published only when a target is not
 * up to date.
 */
public final class ScheduledRuns {
    /** One firing: the run it started and the messages that run published to the report topic. */
    public record Fired(RunOutcome outcome, List<Notification> published) {}

    private final Sandbox sandbox;
    private final Deployment deployment;
    private final PrintStream out;
    private final Optional<Boolean> approval;
    private final List<Fired> fired = new ArrayList<>();
    private ReportInbox inbox;

    /** @param approval how a run waiting for approval is answered ({@code --approval}); empty: rejected */
    public ScheduledRuns(Sandbox sandbox, Deployment deployment, PrintStream out, Optional<Boolean> approval) {
        this.sandbox = sandbox;
        this.deployment = deployment;
        this.out = out;
        this.approval = approval;
    }

    /** Fires the schedule once and waits for the run. */
    public Fired fire() throws InterruptedException {
        Schedule schedule = deployment.schedules().stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "template.yaml deployed no schedule: ReconcileSchedule is empty (--reconcile sets rate(1 day) unless a"
                        + " --parameter ReconcileSchedule=... says otherwise)"));
        if (inbox == null) {
            inbox = ReportInbox.subscribe(sandbox, deployment.region(), deployment.reportTopicArn());
            out.println("sandbox: subscribed the SQS queue " + ReportInbox.QUEUE + " to the report topic, to show what"
                    + " a fired schedule's run publishes");
        }
        inbox.drain(); // what earlier runs published
        out.println("sandbox: --reconcile: fired schedule " + schedule.group() + "/" + schedule.name() + " ("
                + schedule.expression() + ") once, as EventBridge Scheduler would (moto never fires it): StartExecution"
                + " of the state machine with its Input " + schedule.input() + (schedule.dryRun()
                        ? " (ReconcileMode report: a dry run; its drift report is published only when a target is not up to date)"
                        : " (ReconcileMode apply: a normal run, held by the approval gate when ApprovalRequiredFor says so)"));
        RunOutcome outcome = new SandboxRunner(sandbox, deployment, out, approval).startScheduled(schedule);
        List<Notification> published = inbox.drain();
        if (published.isEmpty()) {
            out.println("sandbox: the report topic got no message from run " + outcome.runId());
        } else {
            out.println("sandbox: the report topic got " + published.size() + " message(s) from run " + outcome.runId() + ":");
            published.forEach(n -> out.println("sandbox:   " + (n.subject() != null ? n.subject()
                    : n.message().lines().findFirst().orElse(""))));
        }
        Fired result = new Fired(outcome, List.copyOf(published));
        fired.add(result);
        return result;
    }

    /** Every firing so far, in order. */
    public List<Fired> fired() {
        return List.copyOf(fired);
    }
}
