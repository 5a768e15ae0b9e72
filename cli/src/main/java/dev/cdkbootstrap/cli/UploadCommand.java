package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.cli.ConfigCommands.LocalPlan;
import dev.cdkbootstrap.cli.stack.ConfigPublisher;
import dev.cdkbootstrap.commandline.ExitCodes;
import dev.cdkbootstrap.sandbox.run.RunWatcher;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bootstrapctl upload [--config] FILE --stack NAME [--policies-dir DIR] [--wait] [--endpoint-url URL]}: validates
 * FILE exactly as {@code validate} does (nothing is uploaded, and AWS is not called, when it is invalid),
 * uploads every file its plan names (the validated text, beside the config key), then FILE to the stack's
 * ConfigKey, which starts a run; prints that run's id once it has started, and with {@code --wait}
 * follows it to its report. Exit 0 uploaded (with --wait: and no target failed), 1 invalid FILE, an AWS
 * failure or (with --wait) a failed target or no run started, 2 usage error (a missing FILE too) or no AWS
 * credentials ({@link StackFailures}).
 */
@Command(name = "upload", sortOptions = false, description = "Validate FILE, upload the files its plan names, then FILE"
        + " (this starts a run); print the run id; --wait follows it to its report table.")
final class UploadCommand extends Streams {
    /** EventBridge delivers an upload's event within seconds; after this the command stops looking. */
    private static final Duration RUN_START_WAIT = Duration.ofSeconds(30);

    @Mixin ConfigArguments files;
    @Mixin StackOptions a;
    @Option(names = "--wait", description = "Follow the run to its report table.")
    boolean waitForIt;

    UploadCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    public Integer call() {
        ConfigArguments.Local file = files.resolve();
        a.checked();
        LocalPlan local = ConfigCommands.readAndPlan(file, err);
        if (local == null) {
            err.println("bootstrapctl upload: " + file.file() + " is invalid; nothing was uploaded");
            return ExitCodes.INVALID;
        }
        ConfigCommands.printValid(file.file(), local.planned(), out, err);
        return StackFailures.guarded("upload", err, " (only the principals of the stack's ConfigPublisherArns parameter"
                + " may upload)", () -> {
            StackContext stack = StackContext.open(a);
            ConfigPublisher publisher = new ConfigPublisher(stack.clients().s3(), stack.stack());
            for (Map.Entry<String, String> named : local.planned().files().entrySet()) {
                ConfigPublisher.Upload put = publisher.putFile(named.getKey(), named.getValue());
                out.println("uploaded " + named.getKey() + " to " + stack.stack().url(put.key()));
            }
            ConfigPublisher.Upload config = publisher.putConfig(local.content());
            out.println("uploaded " + file.file() + " to " + stack.stack().url(config.key()) + " (version "
                    + config.versionId() + "): this starts a run");
            Optional<String> run = stack.runs().startedBy(config.versionId(), config.at(), RUN_START_WAIT);
            if (run.isEmpty()) {
                err.println("bootstrapctl upload: no run of version " + config.versionId() + " started within "
                        + RUN_START_WAIT.toSeconds() + " s; 'bootstrapctl status --stack " + a.stack() + "' shows the"
                        + " latest run (an upload that could not start one lands in the UndeliveredEventsQueueUrl queue)");
                return waitForIt ? ExitCodes.INVALID : ExitCodes.OK;
            }
            String runId = RunWatcher.runId(run.get());
            out.println("run " + runId + " started");
            if (!waitForIt) {
                out.println(stack.followHint(runId));
                return ExitCodes.OK;
            }
            return stack.follow(run.get(), out);
        });
    }
}
