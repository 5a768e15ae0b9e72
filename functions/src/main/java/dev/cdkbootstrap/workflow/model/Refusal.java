package dev.cdkbootstrap.workflow.model;

/**
 * Why LoadConfig's guardrails refuse a target before anything runs in its account (docs/deploy.md,
 * "Security model"); PrepareTarget then fails it with this code and reason.
 */
public record Refusal(ReasonCode code, String reason) {}
