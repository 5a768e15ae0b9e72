package dev.cdkbootstrap.workflow;

import dev.cdkbootstrap.plan.Target;
import dev.cdkbootstrap.workflow.inmemory.InMemoryObjectStore;
import dev.cdkbootstrap.workflow.model.Outcome;
import dev.cdkbootstrap.workflow.model.Report;
import dev.cdkbootstrap.workflow.model.RunContext;
import java.util.List;
import java.util.Map;

/**
 * A manual run of two targets, {@code a} (111111111111/eu-west-1) and {@code b} (222222222222/eu-west-1), on a
 * {@link SummarizeFixture}: what SummarizeStepTest, ReportMarkdownTest and SummarizeApprovalTest start from.
 */
abstract class TwoTargetRun {
    static final String BUCKET = SummarizeFixture.BUCKET;
    final SummarizeFixture fixture = new SummarizeFixture();
    final InMemoryObjectStore store = fixture.store;
    final List<String> published = fixture.published;
    final List<Map<String, Integer>> metrics = fixture.metrics;
    final SummarizeStep step = fixture.step;
    final Target a = fixture.target("111111111111");
    final Target b = fixture.target("222222222222");
    final RunContext run = fixture.run();

    /** See {@link SummarizeFixture#recorded(Target, Outcome, String)}. */
    void recorded(Target target, Outcome outcome, String reason) {
        fixture.recorded(target, outcome, reason);
    }

    Report report() {
        return fixture.report();
    }
}
