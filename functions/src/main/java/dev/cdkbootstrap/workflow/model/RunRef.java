package dev.cdkbootstrap.workflow.model;

/** What every per-target step needs to know about its run (the Map's ItemSelector builds it). */
public record RunRef(String runId, boolean dryRun, String artifactBucket, String runPrefix) {}
