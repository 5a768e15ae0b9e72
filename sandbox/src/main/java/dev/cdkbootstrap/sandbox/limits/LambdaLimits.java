package dev.cdkbootstrap.sandbox.limits;

import dev.cdkbootstrap.sandbox.front.Reply;
import java.util.function.Supplier;

/** Limits applied around one Lambda Invoke from the state machine interpreter (hook of LocalLambdas). */
@FunctionalInterface
public interface LambdaLimits {
    /** No limits: the invocation runs and its reply goes back unchanged. */
    LambdaLimits NONE = (invocation, run) -> run.get();

    /**
     * @param invocation what was invoked, where, with which request body (the task's input)
     * @param run        runs the handler and returns its reply; not called when the input is refused
     * @return the reply the interpreter gets
     */
    Reply enforce(Invocation invocation, Supplier<Reply> run);

    /** @param function the function's name (no qualifier) */
    record Invocation(String function, String region, String account, byte[] payload) {}
}
