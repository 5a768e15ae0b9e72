package dev.cdkbootstrap.sandbox.front;

/** Rewrites a moto answer where moto differs from AWS (each fix documents the quirk it absorbs). */
@FunctionalInterface
public interface ResponseFix {
    Reply apply(Exchange request, Reply response);
}
