package dev.cdkbootstrap.workflow.model;

/** RequestApproval's input: the reviewed run and the task token of the waiting state ({@code $$.Task.Token}). */
public record ApprovalInput(RunContext run, String taskToken) {}
