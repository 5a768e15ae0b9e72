package dev.cdkbootstrap.sandbox.deploy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cdkbootstrap.handler.PinnedCdkCli;
import dev.cdkbootstrap.handler.Wiring;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

/**
 * Builds a template function's handler in-process: the class named by its {@code Handler:} value,
 * through the handler's test constructor (the one taking its step), with the step made by
 * {@link Wiring#from(Map, PinnedCdkCli)} from the function's resolved environment and the pin the
 * package was built with. The same classes and wiring as in Lambda; only the environment differs.
 */
final class HandlerFactory {
    private HandlerFactory() {}

    static RequestStreamHandler create(String handlerValue, Map<String, String> env, PinnedCdkCli cdk) {
        String className = handlerValue.contains("::") ? handlerValue.substring(0, handlerValue.indexOf("::")) : handlerValue;
        try {
            Class<?> type = Class.forName(className);
            Wiring wiring = Wiring.from(env, cdk);
            for (Constructor<?> constructor : type.getConstructors()) {
                if (constructor.getParameterCount() != 1) {
                    continue;
                }
                Class<?> stepType = constructor.getParameterTypes()[0];
                Method factory = Arrays.stream(Wiring.class.getMethods())
                        .filter(m -> m.getParameterCount() == 0 && m.getReturnType().equals(stepType))
                        .findFirst().orElse(null);
                if (factory != null) {
                    return (RequestStreamHandler) constructor.newInstance(factory.invoke(wiring));
                }
            }
            throw new IllegalStateException(className + " has no constructor taking a step that Wiring builds");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build handler " + handlerValue + ": " + e, e);
        }
    }
}
