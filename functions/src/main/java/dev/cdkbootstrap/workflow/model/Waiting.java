package dev.cdkbootstrap.workflow.model;

import java.time.Instant;

/**
 * A step asks the state machine to wait and call it again: the Wait state reads {@code seconds}.
 * {@code since} is when this wait began, so the step can give up after its bound.
 */
public record Waiting(Instant since, int seconds) {}
