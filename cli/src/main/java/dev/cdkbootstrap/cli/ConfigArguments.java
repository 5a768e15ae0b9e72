package dev.cdkbootstrap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code FILE [--policies-dir DIR] [--format json|text]}; {@code --opt value} or {@code --opt=value}. */
record ConfigArguments(String file, Path policiesDir, String format) {

    static ConfigArguments parse(List<String> args, boolean formatAllowed) {
        String file = null;
        String policiesDir = null;
        String format = "json";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (option.equals("--policies-dir") || (formatAllowed && option.equals("--format"))) {
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(option + " needs a value");
                }
                if (option.equals("--format")) {
                    format = value;
                } else {
                    policiesDir = value;
                }
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                throw new UsageException("unknown option " + arg);
            } else if (file == null) {
                file = arg;
            } else {
                throw new UsageException("only one FILE, got \"" + file + "\" and \"" + arg + "\"");
            }
        }
        if (file == null) {
            throw new UsageException("FILE is required");
        }
        if (!Set.of("json", "text").contains(format)) {
            throw new UsageException("--format must be json or text, got \"" + format + "\"");
        }
        return of(file, policiesDir, format);
    }

    /** FILE with its policy files in {@code policiesDir} (null: beside FILE); a missing folder is a usage error. */
    static ConfigArguments of(String file, String policiesDir, String format) {
        Path dir = policiesDir != null ? Path.of(policiesDir)
                : Path.of(file).toAbsolutePath().getParent();
        if (policiesDir != null && !Files.isDirectory(dir)) {
            throw new UsageException("--policies-dir " + policiesDir + " is not a directory");
        }
        return new ConfigArguments(file, dir, format);
    }
}
