package dev.cdkbootstrap.workflow.model;

/** NewAccount's output: whether a run was started for the account, and why (not). */
public record NewAccountResult(Action action, String account, String executionArn, String reason) {

    public enum Action { STARTED, ALREADY_STARTED, IGNORED }
}
