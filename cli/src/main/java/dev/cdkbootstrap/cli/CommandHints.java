package dev.cdkbootstrap.cli;

import dev.cdkbootstrap.commandline.CommandLines;
import dev.cdkbootstrap.config.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors as {@link CommandLines#message} words them, plus two hints its "did you mean" (which looks
 * only among the command's own commands and options) cannot give: a command that is an option of
 * {@code bootstrapctl} ({@code bootstrapctl version}: did you mean "--version"?), and an option of another
 * command ({@code validate --formt json}: "--format" is an option of plan and report, not of validate).
 */
final class CommandHints {
    private CommandHints() {}

    /** {@code commandLine} (already {@link CommandLines#configure configured}) with these messages. */
    static CommandLine install(CommandLine commandLine) {
        return commandLine.setParameterExceptionHandler((e, args) -> CommandLines.usageError(e.getCommandLine(),
                message(e, commandLine.getCommandSpec())));
    }

    /** The message of {@code e}, with a hint when it has no "did you mean" and one of the above applies. */
    static String message(ParameterException e, CommandSpec root) {
        String message = CommandLines.message(e);
        String argument = unmatched(e);
        if (argument == null || message.contains("did you mean") || e.getCommandLine() == null) {
            return message;
        }
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (argument.startsWith("-")) {
            String option = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            return message + elsewhere(option, spec, root);
        }
        if (spec == root) {
            Map<String, String> bare = new TreeMap<>(); // "version" -> "--version"
            root.options().forEach(o -> List.of(o.names()).forEach(n -> bare.put(n.replaceFirst("^-+", ""), n)));
            Optional<String> closest = Suggestions.closest(argument, bare.keySet());
            return message + closest.map(c -> "; did you mean \"" + bare.get(c) + "\"?").orElse("");
        }
        return message;
    }

    /** {@code ; "--format" is an option of plan and report, not of validate}, or nothing. */
    private static String elsewhere(String option, CommandSpec spec, CommandSpec root) {
        Map<String, List<String>> owners = new TreeMap<>(); // option name -> the other commands that have it
        root.subcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec() != spec && !sub.getCommandSpec().helpCommand()) {
                for (OptionSpec o : sub.getCommandSpec().options()) {
                    for (String n : o.names()) {
                        if (spec.findOption(n) == null) {
                            owners.computeIfAbsent(n, k -> new ArrayList<>()).add(name);
                        }
                    }
                }
            }
        });
        return Suggestions.closest(option, owners.keySet()).map(n -> "; \"" + n + "\" is an option of "
                + and(owners.get(n)) + ", not of " + spec.name()).orElse("");
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String and(List<String> names) {
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
    }

    /** The unknown command or option the message is about, or null (as {@link CommandLines#message} finds it). */
    private static String unmatched(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return u.getUnmatched().get(0);
        }
        List<String> unknown = e.getCommandLine() == null ? List.of() : e.getCommandLine().getUnmatchedArguments();
        return e instanceof MissingParameterException && !unknown.isEmpty() ? unknown.get(0) : null;
    }
}
