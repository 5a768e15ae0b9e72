package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.handler.PinnedCdkCli;
import dev.cdkbootstrap.sandbox.codebuild.BuildSettings;
import dev.cdkbootstrap.sandbox.codebuild.LocalCodeBuild;
import dev.cdkbootstrap.sandbox.deploy.Deployment;
import dev.cdkbootstrap.sandbox.deploy.OrchestratorDeployer;
import dev.cdkbootstrap.sandbox.deploy.SamApplication;
import dev.cdkbootstrap.sandbox.deploy.TargetRoles;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.emulator.MotoServer;
import dev.cdkbootstrap.sandbox.events.UploadEvents;
import dev.cdkbootstrap.sandbox.front.FrontEndpoint;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.lambda.HandlerLogs;
import dev.cdkbootstrap.sandbox.lambda.LocalLambdas;
import dev.cdkbootstrap.sandbox.limits.SandboxLimits;
import dev.cdkbootstrap.sandbox.organizations.DescribeOrganization;
import dev.cdkbootstrap.sandbox.organizations.EmulatedOrganization;
import dev.cdkbootstrap.sandbox.organizations.OrganizationEmulation;
import dev.cdkbootstrap.sandbox.quirks.StartExecutionRecreate;
import dev.cdkbootstrap.sandbox.toolkit.ToolkitStacks;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The offline AWS of one sandbox session: a fresh moto (server mode, free loopback port), the front
 * endpoint on the port moto's interpreter calls back to, in-process Lambda, local CodeBuild, and SDK
 * clients of the sandbox itself. The orchestrator lives in the deployment account given to
 * {@link #start} (moto's default 123456789012 when none is); the sandbox's default credentials act there.
 */
public final class Sandbox implements AutoCloseable {
    public static final String ORCHESTRATOR_REGION = "us-east-1";

    private final Path projectRoot;
    private final Path logDir;
    private final PrintStream log;
    private final MotoServer moto;
    private final FrontEndpoint front;
    private final LocalLambdas lambdas;
    private final LocalCodeBuild codeBuild;
    private final EmulatorClients clients;
    private final SandboxLimits limits;
    private final ToolkitStacks toolkitStacks;
    private final StartExecutionRecreate executions;
    private final OrganizationEmulation organizations;
    private final UploadEvents uploads;
    private final HandlerLogs handlerLogs;
    private SamApplication application;

    Sandbox(Path projectRoot, Path logDir, PrintStream log, MotoServer moto, FrontEndpoint front, LocalLambdas lambdas,
                    LocalCodeBuild codeBuild, EmulatorClients clients, SandboxLimits limits, ToolkitStacks toolkitStacks,
                    StartExecutionRecreate executions, OrganizationEmulation organizations, UploadEvents uploads,
                    HandlerLogs handlerLogs) {
        this.logDir = logDir;
        this.organizations = organizations;
        this.uploads = uploads;
        this.handlerLogs = handlerLogs;
        this.toolkitStacks = toolkitStacks;
        this.executions = executions;
        this.projectRoot = projectRoot;
        this.log = log;
        this.moto = moto;
        this.front = front;
        this.lambdas = lambdas;
        this.codeBuild = codeBuild;
        this.clients = clients;
        this.limits = limits;
    }

    /**
     * Starts moto and the front endpoint (with every quirk fix and the stack presentations). The logs of this
     * sandbox go to a folder of its own, {@code workDir/logs/<UTC date-time>/}: handler, build and front logs to
     * {@code sandbox.log}, the handlers' structured (log4j) logs to {@code lambda.log} ({@link HandlerLogs}),
     * moto's to {@code moto.log}, each build's to {@code builds/<id>.log}. Builds run as {@code builds} says.
     */
    public static Sandbox start(Path projectRoot, Path workDir, BuildSettings builds) throws IOException {
        return start(projectRoot, workDir, builds, EmulatorClients.MOTO_DEFAULT_ACCOUNT);
    }

    /**
     * As above, the orchestrator deployed (and the default credentials acting) in {@code deploymentAccount}; the
     * logs go to a new folder {@code workDir/logs/<UTC date-time>/} ({@link #logDir}).
     */
    public static Sandbox start(Path projectRoot, Path workDir, BuildSettings builds, String deploymentAccount)
            throws IOException {
        return SandboxStart.start(projectRoot, workDir, builds, deploymentAccount);
    }

    /** Deploys template.yaml (with these parameter overrides) and returns what was made. */
    public Deployment deploy(Map<String, String> parameters, int timingCapSeconds, PrintStream out) throws IOException {
        return deploy(parameters, timingCapSeconds, PinnedCdkCli.packaged(), out);
    }

    /** As above, with the functions of a package built with {@code cdk} pinned (--upgrade-cdk-from). */
    public Deployment deploy(Map<String, String> parameters, int timingCapSeconds, PinnedCdkCli cdk, PrintStream out)
            throws IOException {
        SamApplication app = new SamApplication(projectRoot.resolve("template.yaml"), clients.account(),
                ORCHESTRATOR_REGION, parameters);
        application = app;
        return new OrchestratorDeployer(projectRoot, clients, front.moto(), lambdas, codeBuild, out)
                .deploy(app, timingCapSeconds, cdk);
    }

    /** Replaces every function by one of a package built with {@code cdk} pinned, as {@code sam deploy} of it would. */
    public void redeployFunctions(PinnedCdkCli cdk, PrintStream out) {
        new OrchestratorDeployer(projectRoot, clients, front.moto(), lambdas, codeBuild, out).deployFunctions(application, cdk);
    }

    /**
     * Creates target-account/role.yaml's role in each account, trusting this deployment's roles and
     * requiring the deployment's ToolkitPermissionsBoundary (both stacks' parameters must agree).
     * Returns that boundary when there is one: its managed policy was created in each account too.
     */
    public Optional<String> createTargetRoles(Collection<String> accounts, String appPrefix) {
        Map<String, String> functionEnv = application.functionEnvironment(
                application.resourcesOfType("AWS::Serverless::Function").get(0));
        TargetRoles roles = new TargetRoles(projectRoot.resolve("target-account/role.yaml"), Map.of(
                "RoleName", functionEnv.get("TARGET_ROLE_NAME"),
                "ExternalId", functionEnv.get("TARGET_ROLE_EXTERNAL_ID"),
                "OrchestratorAccountId", clients.account(),
                "PrepareTargetRoleName", application.physicalName("PrepareTargetRole"),
                "BootstrapBuildRoleName", application.physicalName("BootstrapBuildRole"),
                "LoadConfigRoleName", application.physicalName("LoadConfigRole"),
                "OrganizationId", application.intrinsics().string(Map.of("Ref", "OrganizationId")),
                "AppPrefix", appPrefix,
                "ToolkitPermissionsBoundary", functionEnv.getOrDefault("TOOLKIT_PERMISSIONS_BOUNDARY", "")));
        accounts.forEach(account -> roles.createIn(clients, account));
        return roles.permissionsBoundary();
    }

    /** The account the orchestrator is deployed in. */
    public String deploymentAccount() {
        return clients.account();
    }

    /**
     * From now on the front endpoint answers Organizations DescribeOrganization for {@code organization}
     * and denies AssumeRole into accounts outside it (aws:ResourceOrgID); each printed on {@code out}
     * the first time it applies.
     */
    public void emulateOrganization(EmulatedOrganization organization, PrintStream out) {
        organizations.emulate(organization, out);
    }

    public EmulatorClients clients() {
        return clients;
    }

    /** The sandbox's own calls to moto (protocols the SDK clients here lack: SQS, EventBridge Scheduler). */
    public MotoForwarder moto() {
        return front.moto();
    }

    /**
     * A deployed function's environment as its handler gets it here (the template's variables,
     * resolved, plus the emulator's endpoint, region and keys) and its Handler value; for running
     * the packaged handlers in other JVMs (ColdStartBenchmark, the package IT).
     */
    public Map<String, String> functionEnvironment(String logicalId) {
        Map<String, String> env = new java.util.LinkedHashMap<>(application.functionEnvironment(logicalId));
        env.putAll(Map.of("AWS_REGION", ORCHESTRATOR_REGION, "AWS_ENDPOINT_URL", clients.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", EmulatorClients.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", EmulatorClients.SECRET_KEY));
        return env;
    }

    /** The template's Handler of a function, e.g. {@code dev.cdkbootstrap.handler.LoadConfigHandler::handleRequest}. */
    public String functionHandler(String logicalId) {
        return String.valueOf(application.properties(logicalId).get("Handler"));
    }

    public LocalLambdas lambdas() {
        return lambdas;
    }

    /** The AWS limits the sandbox enforces (docs/sandbox.md). */
    public SandboxLimits limits() {
        return limits;
    }

    public LocalCodeBuild codeBuild() {
        return codeBuild;
    }

    /** Puts toolkit stacks into target accounts (--given, simulated builds). */
    public ToolkitStacks toolkitStacks() {
        return toolkitStacks;
    }

    /** Turns uploads into the config bucket into runs, as EventBridge would (off until serving; UploadEvents). */
    public UploadEvents uploadEvents() {
        return uploads;
    }

    /** The deployed template.yaml (after {@link #deploy}). */
    public SamApplication application() {
        return application;
    }

    /** Whether moto lost sight of this execution (its state machine was re-created while it ran; StartExecutionRecreate). */
    public boolean executionLost(String executionArn) {
        return executions.lost(executionArn);
    }

    /** This sandbox's log folder: {@code WORK_DIR/logs/<UTC date-time>/} (see {@link #start}). */
    public Path logDir() {
        return logDir;
    }

    public PrintStream log() {
        return log;
    }

    public Path projectRoot() {
        return projectRoot;
    }

    @Override
    public void close() {
        codeBuild.close();
        front.close();
        moto.close();
        clients.close();
        handlerLogs.close();
        log.close();
    }
}
