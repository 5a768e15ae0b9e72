package dev.cdkbootstrap.config;

/** A value read from cdk-app.yml together with where it was written. */
public record Located<T>(T value, Place place) {}
