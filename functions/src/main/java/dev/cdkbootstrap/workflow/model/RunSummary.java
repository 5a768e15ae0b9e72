package dev.cdkbootstrap.workflow.model;

/** Summarize's output: the run status, its counts and where the report is. */
public record RunSummary(Report.RunStatus status, Report.Counts counts, String reportKey) {}
