package dev.cdkbootstrap.sandbox.front;

import java.util.Optional;

/**
 * One piece of the front endpoint: answers the requests it owns locally, or returns empty so the
 * request goes on to moto.
 */
@FunctionalInterface
public interface Route {
    Optional<Reply> handle(Exchange exchange, MotoForwarder moto) throws Exception;
}
