package dev.cdkbootstrap.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of a deployed-stack command: {@code --stack NAME} (required), {@code --endpoint-url URL},
 * the command's own flags and valued options ({@code --opt value} or {@code --opt=value}, each at most
 * once), and positional arguments. Every mistake is a {@link UsageException} naming it.
 */
record StackArguments(String stack, String endpointUrl, Set<String> flags, Map<String, String> values,
                      List<String> positional) {

    /**
     * @param flags          the options without a value this command takes (e.g. {@code --wait})
     * @param valued         the options with a value this command takes besides --stack and --endpoint-url
     * @param positionalName what the positional arguments are, for messages (e.g. {@code RUN_ID})
     * @param minPositional  how many positional arguments are required
     * @param maxPositional  how many are allowed
     */
    static StackArguments parse(List<String> args, Set<String> flags, Set<String> valued, String positionalName,
                                int minPositional, int maxPositional) {
        Set<String> given = new HashSet<>();
        Map<String, String> values = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean takesValue = valued.contains(option) || option.equals("--stack") || option.equals("--endpoint-url");
            if (!takesValue && !flags.contains(option)) {
                throw new UsageException("unknown option " + option);
            }
            if (!given.add(option)) {
                throw new UsageException(option + " is given twice");
            }
            if (!takesValue) {
                if (arg.contains("=")) {
                    throw new UsageException(option + " takes no value");
                }
                continue;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException(option + " needs a value");
            }
            if (value.isBlank()) {
                throw new UsageException(option + " needs a value");
            }
            values.put(option, value);
        }
        String stack = values.remove("--stack");
        if (stack == null) {
            throw new UsageException("needs --stack NAME (the orchestrator's CloudFormation stack)");
        }
        String endpoint = values.containsKey("--endpoint-url") ? AwsEnvironment.endpoint(values.remove("--endpoint-url")) : null;
        if (positional.size() < minPositional) {
            throw new UsageException("needs " + positionalName);
        }
        if (positional.size() > maxPositional) {
            throw new UsageException(maxPositional == 0 ? "unexpected argument " + positional.get(0)
                    : "only one " + positionalName + ", got " + String.join(" ", positional));
        }
        given.retainAll(flags);
        return new StackArguments(stack, endpoint, Set.copyOf(given), Map.copyOf(values), List.copyOf(positional));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** The option's value, or null when it was not given. */
    String value(String name) {
        return values.get(name);
    }

    /** The first positional argument, or null. */
    String first() {
        return positional.isEmpty() ? null : positional.get(0);
    }
}
