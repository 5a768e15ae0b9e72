package dev.cdkbootstrap.sandbox;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cdkbootstrap.json.Json;
import dev.cdkbootstrap.sandbox.deploy.Deployment;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.run.ReportTable;
import dev.cdkbootstrap.sandbox.run.RunOutcome;
import dev.cdkbootstrap.sandbox.run.SandboxRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bootstrapctl sandbox --config FILE [options]}: the whole workflow on this machine, no AWS
 * account, no Docker. Starts a fresh emulator, deploys the application from the project's files,
 * uploads FILE so the run starts through the same trigger as in AWS, shows progress, prints the
 * report table and writes the last run's report.json. Exit 0 when no target failed, 1 when any did
 * (or the run failed), 2 on usage errors.
 */
public final class SandboxCli {
    /** Wait and retry intervals of the ASL are capped at this many seconds (printed, documented). */
    static final int TIMING_CAP_SECONDS = 2;

    private SandboxCli() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        MotoForwarder.allowHostHeader();
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(args);
            if (!Files.isRegularFile(options.config())) {
                throw new IllegalArgumentException("config file not found: " + options.config());
            }
        } catch (IllegalArgumentException e) {
            err.println("bootstrapctl sandbox: " + e.getMessage());
            err.println(SandboxOptions.USAGE);
            return 2;
        }
        try {
            return run(options, projectRoot(), out);
        } catch (Exception e) {
            err.println("bootstrapctl sandbox: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    static int run(SandboxOptions options, Path projectRoot, PrintStream out) throws Exception {
        Path policiesDir = options.policiesDir().orElse(options.config().toAbsolutePath().getParent());
        LocalConfig config = LocalConfig.read(options.config(), policiesDir);
        if (config.problem() != null) {
            out.println("sandbox: the config is invalid (the workflow will say so too); uploading it anyway");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("BuildPollSeconds", Integer.toString(TIMING_CAP_SECONDS));
        options.maxConcurrency().ifPresent(n -> parameters.put("MapMaxConcurrency", Integer.toString(n)));
        out.println("sandbox: starting moto and the local endpoint (logs in " + options.workDir() + ")");
        try (Sandbox sandbox = Sandbox.start(projectRoot, options.workDir(), options.failingBuilds(), options.parallelBuilds())) {
            Deployment deployment = sandbox.deploy(parameters, TIMING_CAP_SECONDS, out);
            out.println("sandbox: deployed template.yaml into account 123456789012/" + deployment.region()
                    + " (parameters " + parameters + "; BuildPollSeconds scaled down from the template's default)");
            List<String> roleAccounts = new ArrayList<>(config.accounts());
            roleAccounts.removeAll(options.withoutRole());
            sandbox.createTargetRoles(roleAccounts, config.appPrefix());
            out.println("sandbox: created the target-account/role.yaml role in " + roleAccounts.size() + " account(s)"
                    + (options.withoutRole().isEmpty() ? "" : "; not in " + options.withoutRole()));
            for (String build : options.failingBuilds()) {
                out.println("sandbox: --failing-build " + build + ": that build's cdk exits 1");
            }
            SandboxRunner runner = new SandboxRunner(sandbox, deployment, out);
            List<RunOutcome> outcomes = new ArrayList<>();
            outcomes.add(runner.uploadAndRun(options.config(), config.policyFiles(), options.dryRun()));
            ReportTable.print(outcomes.get(0), out);
            if (options.rerun()) {
                out.println();
                out.println("sandbox: --rerun: uploading the same file again");
                outcomes.add(runner.uploadAndRun(options.config(), config.policyFiles(), options.dryRun()));
                ReportTable.print(outcomes.get(outcomes.size() - 1), out);
            }
            if (options.thenNewAccount().isPresent()) {
                out.println();
                out.println("sandbox: --then-new-account " + options.thenNewAccount().get());
                for (RunOutcome outcome : runner.newAccount(options.thenNewAccount().get())) {
                    outcomes.add(outcome);
                    ReportTable.print(outcome, out);
                }
            }
            writeReport(outcomes.get(outcomes.size() - 1), options.report(), out);
            out.println("sandbox: builds started: " + sandbox.codeBuild().startedBuilds());
            return outcomes.stream().allMatch(RunOutcome::succeeded) ? 0 : 1;
        }
    }

    private static void writeReport(RunOutcome last, Path report, PrintStream out) throws IOException {
        if (report.toAbsolutePath().getParent() != null) {
            Files.createDirectories(report.toAbsolutePath().getParent());
        }
        if (last.report().isEmpty()) {
            Files.deleteIfExists(report);
            out.println("sandbox: the last run wrote no report.json; nothing written to " + report);
            return;
        }
        Files.writeString(report, Json.tolerant().writer().with(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(last.report().get()) + "\n");
        out.println("sandbox: report of run " + last.runId() + " written to " + report);
    }

    /** The project root: -Dsandbox.projectRoot, else the nearest folder up from here with template.yaml. */
    static Path projectRoot() {
        String configured = System.getProperty("sandbox.projectRoot");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("statemachine"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root (template.yaml + statemachine/); set -Dsandbox.projectRoot");
    }
}
