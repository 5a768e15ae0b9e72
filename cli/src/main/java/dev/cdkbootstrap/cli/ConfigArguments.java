package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.commandline.HelpOption;
import dev.cdkbootstrap.commandline.PathArguments;
import dev.cdkbootstrap.commandline.UsageException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The config file of validate, plan and upload: {@code FILE} or {@code --config FILE} (the sandbox's spelling),
 * and {@code --policies-dir DIR}; with {@code -h/--help}. {@link #resolve} checks them (PathArguments).
 */
final class ConfigArguments {
    @picocli.CommandLine.Mixin HelpOption help;
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The cdk-app.yml (or --config FILE).")
    String file;
    @Option(names = "--config", paramLabel = "FILE", description = "The cdk-app.yml (as FILE).")
    String config;
    @Option(names = "--policies-dir", paramLabel = "DIR", description = "Where its policy files are (default: beside FILE).")
    String policiesDir;

    /** FILE and where its policy files are. */
    record Local(String file, Path policiesDir) {}

    /** @throws UsageException when no file or two are given, a file is missing or a folder is a file */
    Local resolve() {
        String name = PathArguments.oneConfig(file, config, null);
        PathArguments.requireFile(null, Path.of(name));
        Path dir = policiesDir == null ? Path.of(name).toAbsolutePath().getParent()
                : PathArguments.requireDirectory("--policies-dir", Path.of(policiesDir));
        return new Local(name, dir);
    }
}
