package dev.cdkbootstrap.workflow.model;

/** LoadConfig's input: the execution input as given, and the run id (the execution name). */
public record LoadConfigInput(ExecutionInput execution, String runId) {}
