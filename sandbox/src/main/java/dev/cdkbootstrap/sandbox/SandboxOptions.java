package dev.cdkbootstrap.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdkbootstrap.handler.PinnedCdkCli;
import dev.cdkbootstrap.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line of {@code bootstrapctl sandbox}. ACCOUNT/REGION values are checked for shape
 * here; files (FILE, FILE2, the --given FILE) are read by {@link SandboxCli} before anything starts.
 */
public record SandboxOptions(Path config, Optional<Path> policiesDir, Path report, boolean dryRun,
                             List<String> withoutRole, List<String> failingBuilds, Optional<String> thenNewAccount,
                             boolean rerun, Optional<Integer> maxConcurrency, int parallelBuilds, Path workDir,
                             Optional<Path> thenConfig, List<String> noopBuilds, boolean doubleUpload,
                             Optional<Path> given, boolean simulatedBuilds, List<String> startInputs,
                             Map<String, String> parameters, String managementAccount, List<String> outsideOrganization,
                             Optional<Boolean> approval, Optional<PinnedCdkCli> upgradeCdkFrom) {
    /** The emulated organization's management account unless {@code --management-account} says otherwise. */
    static final String DEFAULT_MANAGEMENT_ACCOUNT = "100000000000";


    static final String USAGE = """
            usage: bootstrapctl sandbox --config FILE [options]
              --policies-dir DIR          where the config's policy files are (default: beside FILE)
              --report FILE               write the last run's report.json here (default WORK_DIR/report.json)
              --dry-run                   plan and prepare every target, start no build
              --given FILE                toolkit stacks the targets hold before the first run (YAML, docs/sandbox.md)
              --without-role ACCOUNT      do not create the target role in ACCOUNT (repeatable)
              --failing-build ACCOUNT/REGION  that target's cdk command exits non-zero (repeatable)
              --noop-build ACCOUNT/REGION     that target's cdk command exits 0 and changes nothing (repeatable)
              --simulated-builds          builds run no node/CDK CLI: they leave the state cdk bootstrap would
              --double-upload             upload the config twice, about a second apart (two runs at once)
              --upgrade-cdk-from V:T      the first run's functions as if package.json pinned aws-cdk V (whose
                                          bootstrap template is version T; its builds are simulated); after
                                          it, redeploy them with the real pin and upload FILE again
              --then-config FILE2         after that, upload FILE2 (policies beside it or in --policies-dir)
              --rerun                     after that, upload the last file again (FILE, or FILE2)
              --then-new-account ACCOUNT  after that, deliver new-account events for ACCOUNT
              --start-input JSON          after that, start an execution by hand with this execution input
                                          (as aws stepfunctions start-execution --input JSON; repeatable)
              --max-concurrency N         the Map's MaxConcurrency (template parameter MapMaxConcurrency)
              --parameter KEY=VALUE       deploy template.yaml with this parameter value (repeatable; any
                                          parameter of template.yaml; overrides the sandbox's own values)
              --management-account ACCOUNT  the emulated organization's management account (default 100000000000)
              --outside-organization A[,B]  accounts outside the emulated organization (default: none)
              --approval approve|reject   how the sandbox answers a run that waits for approval (template
                                          parameter ApprovalRequiredFor); without it such a run is rejected
              --parallel-builds N         local CodeBuild builds at a time (default: one per core, at least 2)
              --work-dir DIR              logs and build files (default target/sandbox)""";

    private static final Set<String> REPEATABLE = Set.of("--without-role", "--failing-build",
            "--noop-build", "--start-input", "--parameter");

    /** Parses {@code args}; a usage error throws {@link IllegalArgumentException} with the reason. */
    static SandboxOptions parse(List<String> args) {
        Path config = null;
        Path policies = null;
        Path report = null;
        Path work = Path.of("target/sandbox");
        boolean dryRun = false;
        boolean rerun = false;
        List<String> withoutRole = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        String newAccount = null;
        Integer maxConcurrency = null;
        Path thenConfig = null;
        Path given = null;
        List<String> noop = new ArrayList<>();
        boolean doubleUpload = false;
        boolean simulated = false;
        List<String> startInputs = new ArrayList<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        String management = DEFAULT_MANAGEMENT_ACCOUNT;
        List<String> outside = List.of();
        Boolean approval = null;
        PinnedCdkCli olderCdk = null;
        // Local builds are CPU-bound (node + moto's CloudFormation): one per core is fastest (docs/sandbox.md).
        int parallel = Math.max(2, Runtime.getRuntime().availableProcessors());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!REPEATABLE.contains(arg) && !seen.add(arg)) {
                throw new IllegalArgumentException(arg + " is given twice; it takes one value (only --without-role,"
                        + " --failing-build, --noop-build, --start-input and --parameter repeat)");
            }
            switch (arg) {
                case "--config" -> config = Path.of(value(args, ++i, arg));
                case "--policies-dir" -> policies = Path.of(value(args, ++i, arg));
                case "--report" -> report = Path.of(value(args, ++i, arg));
                case "--work-dir" -> work = Path.of(value(args, ++i, arg));
                case "--dry-run" -> dryRun = true;
                case "--rerun" -> rerun = true;
                case "--without-role" -> withoutRole.add(account(value(args, ++i, arg), arg));
                case "--failing-build" -> failing.add(target(value(args, ++i, arg), arg));
                case "--noop-build" -> noop.add(target(value(args, ++i, arg), arg));
                case "--then-config" -> thenConfig = Path.of(value(args, ++i, arg));
                case "--given" -> given = Path.of(value(args, ++i, arg));
                case "--double-upload" -> doubleUpload = true;
                case "--simulated-builds" -> simulated = true;
                case "--start-input" -> startInputs.add(jsonObject(value(args, ++i, arg), arg));
                case "--then-new-account" -> newAccount = account(value(args, ++i, arg), arg);
                case "--max-concurrency" -> maxConcurrency = positive(value(args, ++i, arg), arg);
                case "--parallel-builds" -> parallel = positive(value(args, ++i, arg), arg);
                case "--parameter" -> parameter(value(args, ++i, arg), parameters);
                case "--management-account" -> management = account(value(args, ++i, arg), arg);
                case "--outside-organization" -> outside = accounts(value(args, ++i, arg), arg);
                case "--approval" -> approval = approval(value(args, ++i, arg));
                case "--upgrade-cdk-from" -> olderCdk = olderCdk(value(args, ++i, arg), arg);
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        if (config == null) {
            throw new IllegalArgumentException("--config FILE is required");
        }
        for (String target : noop) {
            if (failing.contains(target)) {
                throw new IllegalArgumentException("--noop-build and --failing-build both name " + target + "; choose one");
            }
        }
        if (outside.contains(management)) {
            throw new IllegalArgumentException("--outside-organization names the management account " + management
                    + "; the management account is always in its organization");
        }
        if (doubleUpload && dryRun) {
            throw new IllegalArgumentException("--double-upload uploads the config twice; a --dry-run is started by hand, not by an upload");
        }
        if (maxConcurrency != null && parameters.containsKey("MapMaxConcurrency")) {
            throw new IllegalArgumentException("--max-concurrency and --parameter MapMaxConcurrency=... set the same"
                    + " template parameter; give one");
        }
        if (dryRun && (!failing.isEmpty() || !noop.isEmpty() || simulated)) {
            throw new IllegalArgumentException("--dry-run starts no build: --failing-build, --noop-build and"
                    + " --simulated-builds would do nothing");
        }
        return new SandboxOptions(config, Optional.ofNullable(policies),
                report == null ? work.resolve("report.json") : report, dryRun, List.copyOf(withoutRole),
                List.copyOf(failing), Optional.ofNullable(newAccount), rerun, Optional.ofNullable(maxConcurrency),
                parallel, work, Optional.ofNullable(thenConfig), List.copyOf(noop), doubleUpload,
                Optional.ofNullable(given), simulated, List.copyOf(startInputs),
                java.util.Collections.unmodifiableMap(parameters), management, outside,
                Optional.ofNullable(approval), Optional.ofNullable(olderCdk));
    }

    /** Where the policy files of {@code file} are: --policies-dir, else beside the file. */
    Path policiesDirOf(Path file) {
        return policiesDir.orElse(file.toAbsolutePath().getParent());
    }

    private static String target(String value, String option) {
        if (!value.matches("\\d{12}/[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d+")) {
            throw new IllegalArgumentException(option + " wants ACCOUNT/REGION (12 digits/region), got: " + value);
        }
        return value;
    }

    /**
     * KEY=VALUE of --parameter; the name's shape only (a CloudFormation logical name: letters and digits).
     * Whether template.yaml declares it, and accepts the value, is checked against the template
     * ({@link dev.cdkbootstrap.sandbox.deploy.TemplateParameters}) before anything starts.
     */
    private static void parameter(String value, Map<String, String> parameters) {
        int equals = value.indexOf('=');
        String name = equals < 0 ? "" : value.substring(0, equals);
        if (!name.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("--parameter wants KEY=VALUE with KEY a template parameter name, got: " + value);
        }
        if (parameters.putIfAbsent(name, value.substring(equals + 1)) != null) {
            throw new IllegalArgumentException("--parameter " + name + " is given twice");
        }
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    /** The value as given, once it parses as a JSON object (the workflow itself judges its fields). */
    private static String jsonObject(String value, String option) {
        try {
            if (Json.tolerant().readTree(value) instanceof ObjectNode) {
                return value;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " wants a JSON object (an execution input), got: " + value);
    }

    private static String account(String value, String option) {
        if (!value.matches("\\d{12}")) {
            throw new IllegalArgumentException(option + " wants a 12-digit account id, got: " + value);
        }
        return value;
    }

    private static List<String> accounts(String value, String option) {
        List<String> accounts = new ArrayList<>();
        for (String account : value.split(",", -1)) {
            String trimmed = account(account.trim(), option);
            if (!accounts.contains(trimmed)) {
                accounts.add(trimmed);
            }
        }
        return List.copyOf(accounts);
    }

    private static int positive(String value, String option) {
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
    private static PinnedCdkCli olderCdk(String value, String option) {
        PinnedCdkCli pinned = PinnedCdkCli.packaged();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^:]+):(\\d{1,9})").matcher(value);
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

    private static boolean approval(String answer) {
        return switch (answer) {
            case "approve" -> true;
            case "reject" -> false;
            default -> throw new IllegalArgumentException("--approval takes approve or reject, not '" + answer + "'");
        };
    }
}
