package dev.cdkbootstrap.sandbox.lambda;

import java.net.URI;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * Where the in-process handlers' structured logs go while a sandbox runs: {@code WORK_DIR/lambda.log},
 * one JSON object a line in the Lambda layout of functions/src/main/resources/log4j2.xml (as CloudWatch
 * Logs would hold them), instead of stdout, where they would bury the sandbox's own progress and report.
 * Same levels as log4j2.xml: {@code dev.cdkbootstrap} at INFO, everything else at WARN. {@link #close()}
 * puts the project's log4j2.xml back (the JVM may run more than one sandbox, e.g. in the tests).
 */
public final class HandlerLogs implements AutoCloseable {
    private final URI previous;

    private HandlerLogs(URI previous) {
        this.previous = previous;
    }

    /** From now on the handlers log to {@code file} (appended to). */
    public static HandlerLogs to(Path file) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        URI previous = context.getConfiguration().getConfigurationSource().getURI();
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setConfigurationName("sandbox handler logs");
        builder.add(builder.newAppender("LambdaLog", "File")
                .addAttribute("fileName", file.toAbsolutePath().toString())
                .addAttribute("append", true)
                .add(builder.newLayout("JsonTemplateLayout").addAttribute("eventTemplateUri", "classpath:LambdaJsonLayout.json")));
        builder.add(builder.newLogger("dev.cdkbootstrap", Level.INFO).addAttribute("additivity", false)
                .add(builder.newAppenderRef("LambdaLog")));
        builder.add(builder.newRootLogger(Level.WARN).add(builder.newAppenderRef("LambdaLog")));
        Configurator.reconfigure(builder.build());
        return new HandlerLogs(previous);
    }

    @Override
    public void close() {
        if (previous != null) {
            Configurator.reconfigure(previous);
        } else {
            Configurator.reconfigure();
        }
    }
}
