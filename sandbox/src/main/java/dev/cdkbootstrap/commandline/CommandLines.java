package dev.cdkbootstrap.commandline;

import dev.cdkbootstrap.config.Suggestions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How every {@code bootstrapctl} command line behaves, as the CDK CLI, SAM CLI and cfn-lint do: a usage
 * error is one line {@code bootstrapctl CMD: MESSAGE} (with a "did you mean" for a mistyped command or
 * option), then the command's usage line and where its help is, exit {@link ExitCodes#USAGE}; an unexpected
 * failure is one line and exit {@link ExitCodes#INVALID}, never a stack trace.
 */
public final class CommandLines {
    private CommandLines() {}

    /** {@code commandLine} (and its subcommands) writing to {@code out}/{@code err} with the handlers above. */
    public static CommandLine configure(CommandLine commandLine, PrintStream out, PrintStream err) {
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setParameterExceptionHandler((e, args) -> usageError(e.getCommandLine(), message(e)));
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof UsageException) {
                return usageError(command, e.getMessage());
            }
            command.getErr().println(command.getCommandSpec().qualifiedName() + ": internal error: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return ExitCodes.INVALID;
        });
        return commandLine;
    }

    /** Prints {@code message} as a usage error of {@code commandLine}'s command; returns {@link ExitCodes#USAGE}. */
    public static int usageError(CommandLine commandLine, String message) {
        PrintWriter err = commandLine.getErr();
        String name = commandLine.getCommandSpec().qualifiedName();
        Help help = commandLine.getHelp();
        err.println(name + ": " + message);
        err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
        err.println("See '" + name + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /** What went wrong, in the words of the rest of the project. */
    public static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return unmatched(unmatched.getCommandLine().getCommandSpec(), unmatched.getUnmatched().get(0));
        }
        List<String> unknown = e.getCommandLine() == null ? List.of() : e.getCommandLine().getUnmatchedArguments();
        if (e instanceof MissingParameterException && !unknown.isEmpty()) { // "--stak s": say the typo, not "needs --stack"
            return unmatched(e.getCommandLine().getCommandSpec(), unknown.get(0));
        }
        if (e instanceof OverwrittenOptionException overwritten) {
            return name(overwritten.getOverwritten()) + " is given twice";
        }
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            ArgSpec first = missing.getMissing().get(0);
            boolean valueMissing = first.isOption() && !e.getMessage().startsWith("Missing required option");
            return valueMissing ? name(first) + " needs a value (" + first.paramLabel() + ")"
                    : "needs " + String.join(" and ", missing.getMissing().stream().map(CommandLines::usage).toList());
        }
        String help = "Unknown subcommand '"; // help COMMAND with a command that is none
        if (e.getMessage() != null && e.getMessage().startsWith(help) && e.getMessage().endsWith("'.")) {
            String name = e.getMessage().substring(help.length(), e.getMessage().length() - 2);
            return unmatched(e.getCommandLine().getCommandSpec(), name);
        }
        return e.getMessage();
    }

    /** An unknown command or option, with the closest known one when it is plausibly what was meant. */
    static String unmatched(CommandSpec spec, String argument) {
        if (argument.startsWith("-") && argument.length() > 1) {
            String option = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            TreeSet<String> names = new TreeSet<>();
            spec.options().forEach(o -> names.addAll(List.of(o.names())));
            return "unknown option \"" + option + "\"" + didYouMean(option, names);
        }
        if (!spec.subcommands().isEmpty()) {
            return "unknown command \"" + argument + "\"" + didYouMean(argument, spec.subcommands().keySet());
        }
        return "unexpected argument \"" + argument + "\"";
    }

    /** {@code ; did you mean "X"?} or nothing. */
    public static String didYouMean(String given, java.util.Collection<String> known) {
        Optional<String> closest = Suggestions.closest(given, known);
        return closest.map(c -> "; did you mean \"" + c + "\"?").orElse("");
    }

    /**
     * {@code values} joined with ", ", at most {@code max} of them then {@code and N more}, so that a message
     * naming a big config's accounts or targets stays one readable line.
     */
    public static String listed(java.util.Collection<String> values, int max) {
        List<String> all = List.copyOf(values);
        return all.size() <= max ? String.join(", ", all)
                : String.join(", ", all.subList(0, max)) + " and " + (all.size() - max) + " more";
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    private static String usage(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() + " " + option.paramLabel() : arg.paramLabel();
    }
}
