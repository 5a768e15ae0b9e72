package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.sandbox.codebuild.BuildSettings;
import dev.cdkbootstrap.sandbox.codebuild.LocalCodeBuild;
import dev.cdkbootstrap.sandbox.codebuild.SimulatedBuilds;
import dev.cdkbootstrap.sandbox.codebuild.Toolchain;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.emulator.MotoServer;
import dev.cdkbootstrap.sandbox.events.UploadEvents;
import dev.cdkbootstrap.sandbox.front.CallerAccounts;
import dev.cdkbootstrap.sandbox.front.FrontEndpoint;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.front.ResponseFix;
import dev.cdkbootstrap.sandbox.lambda.HandlerLogs;
import dev.cdkbootstrap.sandbox.lambda.LocalLambdas;
import dev.cdkbootstrap.sandbox.limits.SandboxLimits;
import dev.cdkbootstrap.sandbox.organizations.DescribeOrganization;
import dev.cdkbootstrap.sandbox.organizations.OrganizationEmulation;
import dev.cdkbootstrap.sandbox.quirks.ChangeSetOutputs;
import dev.cdkbootstrap.sandbox.quirks.ChangeSetTags;
import dev.cdkbootstrap.sandbox.quirks.DescribeStacksListParameters;
import dev.cdkbootstrap.sandbox.quirks.MissingChangeSet;
import dev.cdkbootstrap.sandbox.quirks.ReviewStackReuse;
import dev.cdkbootstrap.sandbox.quirks.TerminationProtection;
import dev.cdkbootstrap.sandbox.quirks.StartExecutionRecreate;
import dev.cdkbootstrap.sandbox.sts.AssumeRoleGuard;
import dev.cdkbootstrap.sandbox.toolkit.BootstrapTemplate;
import dev.cdkbootstrap.sandbox.toolkit.StackPresentations;
import dev.cdkbootstrap.sandbox.toolkit.ToolkitStacks;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires one sandbox together ({@link Sandbox#start}): its log folder, moto, the front endpoint with its routes
 * and quirk fixes, in-process Lambda, local CodeBuild (real or simulated builds) and the sandbox's clients.
 */
final class SandboxStart {
    private SandboxStart() {}

    static Sandbox start(Path projectRoot, Path workDir, BuildSettings builds, String deploymentAccount)
            throws IOException {
        Path logDir = logFolder(workDir);
        PrintStream log = new PrintStream(new FileOutputStream(logDir.resolve("sandbox.log").toFile(), true), true);
        Toolchain toolchain = Toolchain.prepare(projectRoot, workDir, builds.failing(), builds.noop());
        BootstrapTemplate template = BootstrapTemplate.pinned(projectRoot);
        int frontPort = MotoServer.freePort();
        MotoServer moto = MotoServer.startWithCallbackPort(frontPort, logDir.resolve("moto.log"));
        HandlerLogs handlerLogs = HandlerLogs.to(logDir.resolve("lambda.log"));
        try {
            moto.enableStateMachineExecution();
            LocalLambdas lambdas = new LocalLambdas(deploymentAccount, log);
            LocalCodeBuild codeBuild = new LocalCodeBuild(toolchain, logDir, builds.parallel(), log);
            MotoForwarder forwarder = new MotoForwarder(moto.endpoint());
            SandboxLimits limits = new SandboxLimits(forwarder, log);
            lambdas.limits(limits.lambdaEndpoint());
            StackPresentations presentations = new StackPresentations(log);
            StartExecutionRecreate executions = new StartExecutionRecreate(log);
            CallerAccounts callers = new CallerAccounts(deploymentAccount);
            OrganizationEmulation organizations = new OrganizationEmulation(log);
            TerminationProtection protection = new TerminationProtection(log);
            UploadEvents uploads = new UploadEvents();
            List<ResponseFix> fixes = new ArrayList<>(List.of(new DescribeStacksListParameters(),
                    new MissingChangeSet(forwarder, log), new ChangeSetOutputs(forwarder, presentations, log),
                    new ChangeSetTags(forwarder, log), presentations, protection));
            fixes.addAll(limits.responseFixes());
            FrontEndpoint front = FrontEndpoint.start(frontPort, forwarder,
                    List.of(limits.failedExecutions(), lambdas, codeBuild, new AssumeRoleGuard(organizations, callers),
                            new DescribeOrganization(organizations, callers), executions, new ReviewStackReuse(log),
                            presentations, protection, uploads),
                    fixes, log, callers);
            codeBuild.endpoint(front.endpoint());
            EmulatorClients clients = new EmulatorClients(front.endpoint(), Sandbox.ORCHESTRATOR_REGION, deploymentAccount);
            ToolkitStacks stacks = new ToolkitStacks(template, presentations);
            if (builds.simulated()) {
                codeBuild.simulate(new SimulatedBuilds(clients, stacks, builds, log));
            }
            builds.olderCli().ifPresent(older -> codeBuild.simulateOlderCli(older.cliVersion(),
                    new SimulatedBuilds(clients, stacks, builds, log, older.templateVersion())));
            return new Sandbox(projectRoot, logDir, log, moto, front, lambdas, codeBuild, clients, limits, stacks, executions,
                    organizations, uploads, handlerLogs);
        } catch (RuntimeException e) {
            handlerLogs.close();
            moto.close();
            throw e;
        }
    }

    /** A new folder {@code workDir/logs/<yyyyMMdd-HHmmss>} (UTC; {@code -2}, {@code -3}, ... when it exists). */
    static Path logFolder(Path workDir) throws IOException {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
        Path logs = Files.createDirectories(workDir.resolve("logs"));
        for (int n = 1; ; n++) {
            Path folder = logs.resolve(n == 1 ? stamp : stamp + "-" + n);
            try {
                return Files.createDirectory(folder);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another sandbox started this second
            }
        }
    }
}
