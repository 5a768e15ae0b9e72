package dev.cdkbootstrap.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.config.Regions;
import dev.cdkbootstrap.handler.PinnedCdkCli;
import dev.cdkbootstrap.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of {@code bootstrapctl sandbox}'s options, checked for shape (whether the config has the
 * account or target is {@link OptionTargets}' question). A bad value throws {@link IllegalArgumentException}
 * naming the option and the value.
 */
final class OptionValues {
    private static final Pattern OLDER_CDK = Pattern.compile("([^:]+):(\\d{1,9})");

    private OptionValues() {}

    /** ACCOUNT/REGION: 12 digits, a slash, a well-formed region. */
    static String target(String value, String option) {
        String[] parts = value.split("/", -1);
        if (parts.length != 2 || !parts[0].matches("\\d{12}") || !Regions.isValid(parts[1])) {
            throw new IllegalArgumentException(option + " wants ACCOUNT/REGION (12 digits/region), got: " + value);
        }
        return value;
    }

    /**
     * KEY=VALUE of --parameter; the name's shape only (a CloudFormation logical name: letters and digits).
     * Whether template.yaml declares it, and accepts the value, is checked against the template
     * ({@link dev.cdkbootstrap.sandbox.deploy.TemplateParameters}) before anything starts.
     */
    static void parameter(String value, Map<String, String> parameters) {
        int equals = value.indexOf('=');
        String name = equals < 0 ? "" : value.substring(0, equals);
        if (!name.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("--parameter wants KEY=VALUE with KEY a template parameter name, got: " + value);
        }
        if (parameters.putIfAbsent(name, value.substring(equals + 1)) != null) {
            throw new IllegalArgumentException("--parameter " + name + " is given twice");
        }
    }

    /** The value as given, once it parses as a JSON object (the workflow itself judges its fields). */
    static String jsonObject(String value, String option) {
        try {
            if (Json.tolerant().readTree(value) instanceof ObjectNode) {
                return value;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " wants a JSON object (an execution input), got: " + value);
    }

    static String account(String value, String option) {
        if (!value.matches("\\d{12}")) {
            throw new IllegalArgumentException(option + " wants a 12-digit account id, got: " + value);
        }
        return value;
    }

    /** A,B,...: 12-digit accounts, each once, in the order given. */
    static List<String> accounts(String value, String option) {
        List<String> accounts = new ArrayList<>();
        for (String account : value.split(",", -1)) {
            String trimmed = account(account.trim(), option);
            if (!accounts.contains(trimmed)) {
                accounts.add(trimmed);
            }
        }
        return List.copyOf(accounts);
    }

    static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " wants a positive number, got: " + value);
        }
    }

    /** VERSION:TEMPLATE_VERSION of an older CLI than the pinned one (docs/sandbox.md, "A CDK upgrade"). */
    static PinnedCdkCli olderCdk(String value, String option) {
        PinnedCdkCli pinned = PinnedCdkCli.packaged();
        Matcher m = OLDER_CDK.matcher(value);
        PinnedCdkCli older;
        try {
            older = m.matches() ? new PinnedCdkCli(m.group(1), Integer.parseInt(m.group(2))) : null;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
        if (older == null || older.cliVersion().equals(pinned.cliVersion()) || older.templateVersion() >= pinned.templateVersion()) {
            throw new IllegalArgumentException(option + " wants VERSION:TEMPLATE_VERSION of an older aws-cdk than the"
                    + " pinned " + pinned + ", e.g. 2.1000.0:" + (pinned.templateVersion() - 1) + "; got: " + value);
        }
        return older;
    }

    static boolean approval(String answer) {
        return switch (answer) {
            case "approve" -> true;
            case "reject" -> false;
            default -> throw new IllegalArgumentException("--approval takes approve or reject, not '" + answer + "'");
        };
    }

    /**
     * --report X.json (docs/sandbox.md, "Options"): report.md goes beside it as X.md, so it must end in .json; it is
     * none of the files the session reads, and a file already there is replaced only when it is a report.json
     * (a JSON object with "runId" and "targets"), so a mistyped path cannot overwrite the user's own file.
     */
    static void report(SandboxOptions options) {
        Path report = options.report();
        if (!String.valueOf(report.getFileName()).endsWith(".json")) {
            throw new IllegalArgumentException("--report " + report + ": must end in .json (report.md is written beside it)");
        }
        if (!Files.exists(report)) {
            return;
        }
        sameFile(report, Optional.of(options.config()), "FILE, the config to run");
        sameFile(report, options.thenConfig(), "--then-config FILE2");
        sameFile(report, options.given(), "the --given file");
        try {
            if (Json.strict().readTree(report.toFile()) instanceof ObjectNode o && o.has("runId") && o.has("targets")) {
                return;
            }
        } catch (IOException e) {
            // not JSON: refused below
        }
        throw new IllegalArgumentException("--report " + report + ": exists and is not a report.json; remove it or choose another path");
    }

    private static void sameFile(Path report, Optional<Path> input, String what) {
        try {
            if (input.isPresent() && Files.exists(input.get()) && Files.isSameFile(report, input.get())) {
                throw new IllegalArgumentException("--report " + report + ": is " + what + "; choose another path");
            }
        } catch (IOException e) {
            // unreadable: the input's own check says so
        }
    }
}
