package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.commandline.ExitCodes;
import dev.cdkbootstrap.commandline.UsageException;
import dev.cdkbootstrap.config.ConfigError;
import dev.cdkbootstrap.config.ConfigLimits;
import dev.cdkbootstrap.config.ConfigValidationException;
import dev.cdkbootstrap.config.Place;
import dev.cdkbootstrap.plan.ConfigPlanner;
import dev.cdkbootstrap.plan.DirectoryPolicyFiles;
import dev.cdkbootstrap.plan.Plan;
import dev.cdkbootstrap.plan.PlanJson;
import dev.cdkbootstrap.plan.PlannedConfig;
import dev.cdkbootstrap.workflow.WarningGroups;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code validate} and {@code plan}: the config engine on a local file. */
final class ConfigCommands {

    private ConfigCommands() {}

    @Command(name = "validate", sortOptions = false, description = "Check a cdk-app.yml; exit 0 when valid, 1 with one"
            + " FILE:LINE:COL: error line per error.")
    static final class Validate extends Streams {
        @Mixin ConfigArguments file;

        Validate(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            ConfigArguments.Local a = file.resolve();
            PlannedConfig planned = planOrReport(a, err);
            if (planned == null) {
                return ExitCodes.INVALID;
            }
            printValid(a.file(), planned, out, err);
            return ExitCodes.OK;
        }
    }

    @Command(name = "plan", sortOptions = false, description = "Print the bootstrap plan (default json); invalid input"
            + " behaves like validate.")
    static final class PlanCommand extends Streams {
        @Mixin ConfigArguments file;
        @Option(names = "--format", paramLabel = "json|text", description = "json (default) or text: a table.")
        String format = "json";

        PlanCommand(PrintStream out, PrintStream err) {
            super(out, err);
        }

        @Override
        public Integer call() {
            if (!Set.of("json", "text").contains(format)) {
                throw new UsageException("--format must be json or text, got \"" + format + "\"");
            }
            ConfigArguments.Local a = file.resolve();
            PlannedConfig planned = planOrReport(a, err);
            if (planned == null) {
                return ExitCodes.INVALID;
            }
            Plan plan = planned.plan();
            out.print(format.equals("text") ? TextPlan.render(a.file(), plan) : PlanJson.write(plan));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /**
     * {@code FILE: OK, N targets} on {@code out}, the plan's warnings on {@code err} (validate, upload), one
     * line per kind with its count as the sandbox prints them ({@link WarningGroups}): 60 targets without a
     * policy read as one line, {@code FILE: warning (x60): ... — 60 targets, each in 'bootstrapctl plan FILE'}.
     */
    static void printValid(String file, PlannedConfig planned, PrintStream out, PrintStream err) {
        int n = planned.plan().targets().size();
        out.println(file + ": OK, " + n + (n == 1 ? " target" : " targets"));
        String where = "each in 'bootstrapctl plan " + file + "'";
        WarningGroups.of(planned.plan().warnings()).forEach(g -> err.println(file + ": " + g.line("warning", where)));
    }

    /** A local config file as read and the plan made from exactly those bytes. */
    record LocalPlan(byte[] content, PlannedConfig planned) {}

    /** The plan, or {@code null} after printing one line per error on {@code err}. */
    private static PlannedConfig planOrReport(ConfigArguments.Local a, PrintStream err) {
        LocalPlan local = readAndPlan(a, err);
        return local == null ? null : local.planned();
    }

    /**
     * The file's bytes and their plan (policy files from {@code a.policiesDir()}), or {@code null} after
     * printing one {@code file:line:col: error: ...} line per error on {@code err}.
     */
    static LocalPlan readAndPlan(ConfigArguments.Local a, PrintStream err) {
        try {
            byte[] content = read(a.file(), Path.of(a.file()));
            return new LocalPlan(content, ConfigPlanner.plan(a.file(), content, new DirectoryPolicyFiles(a.policiesDir())));
        } catch (ConfigValidationException e) {
            e.errors().forEach(error -> err.println(error.format()));
        } catch (NoSuchFileException e) {
            err.println(fileError(a.file(), "no such file"));
        } catch (IOException | SecurityException e) {
            err.println(fileError(a.file(), "cannot read: " + e.getMessage()));
        }
        return null;
    }

    /** Reads at most one byte past the cap, so a huge file is rejected without being loaded. */
    private static byte[] read(String name, Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("it is a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(ConfigLimits.MAX_BYTES + 1);
            if (content.length > ConfigLimits.MAX_BYTES) {
                long size = Files.isRegularFile(file) ? Files.size(file) : content.length;
                throw new ConfigValidationException(List.of(
                        new ConfigError(name, 1, 1, Place.ROOT, ConfigLimits.tooLarge(size))));
            }
            return content;
        }
    }

    private static String fileError(String file, String message) {
        return new ConfigError(file, 1, 1, Place.ROOT, message).format();
    }
}
