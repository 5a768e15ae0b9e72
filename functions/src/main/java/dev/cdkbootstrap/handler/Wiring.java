package dev.cdkbootstrap.handler;

import static dev.cdkbootstrap.handler.FunctionSettings.required;

import dev.cdkbootstrap.aws.AwsClients;
import dev.cdkbootstrap.aws.CodeBuildRunner;
import dev.cdkbootstrap.aws.PowertoolsRunMetrics;
import dev.cdkbootstrap.aws.S3ObjectStore;
import dev.cdkbootstrap.aws.SfnExecutionStarter;
import dev.cdkbootstrap.aws.SnsNotifier;
import dev.cdkbootstrap.aws.StsTargetConnector;
import dev.cdkbootstrap.workflow.CheckBootstrapStep;
import dev.cdkbootstrap.workflow.Guardrails;
import dev.cdkbootstrap.workflow.LoadConfigStep;
import dev.cdkbootstrap.workflow.NewAccountStep;
import dev.cdkbootstrap.workflow.PrepareTargetStep;
import dev.cdkbootstrap.workflow.RecordResultStep;
import dev.cdkbootstrap.workflow.RequestApprovalStep;
import dev.cdkbootstrap.workflow.RunLayout;
import dev.cdkbootstrap.workflow.ReviewChangesStep;
import dev.cdkbootstrap.workflow.StartBootstrapStep;
import dev.cdkbootstrap.workflow.SummarizeStep;
import dev.cdkbootstrap.workflow.TargetLock;
import dev.cdkbootstrap.workflow.ToolkitRequirements;
import dev.cdkbootstrap.workflow.VerifyTargetStep;
import dev.cdkbootstrap.workflow.WaitPolicy;
import dev.cdkbootstrap.workflow.port.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Builds every step from the functions' settings ({@link FunctionSettings}, read once from an environment
 * map: docs/contracts.md, "Environment variables of the functions") and the pinned CDK CLI this package
 * was built with ({@link PinnedCdkCli#packaged()}). Lambda uses
 * {@link #fromEnvironment()} (once per container); the offline sandbox calls {@link #from(Map)}
 * in-process with the emulator's endpoint, region and credentials. Settings are read here, at
 * init; nothing unique or credential-like is created (SnapStart).
 */
public final class Wiring {
    private static Wiring environment;
    /** Held here: the CRaC context keeps its resources weakly. */
    private static SnapStartPriming priming;

    private final FunctionSettings settings;
    private final AwsClients clients;
    private final PinnedCdkCli cdk;
    private final Clock clock = Clock.systemUTC();

    private Wiring(Map<String, String> env, AwsClients clients, PinnedCdkCli cdk) {
        this.settings = FunctionSettings.from(env);
        this.clients = clients;
        this.cdk = cdk;
    }

    /**
     * The Lambda runtime's environment; credentials from the default provider chain. The first call
     * (a handler's constructor, i.e. Lambda init) builds every client and registers SnapStart priming.
     */
    public static synchronized Wiring fromEnvironment() {
        if (environment == null) {
            environment = new Wiring(System.getenv(), AwsClients.from(System.getenv(), false), PinnedCdkCli.packaged());
            priming = SnapStartPriming.register(environment.clients);
        }
        return environment;
    }

    /** An explicit environment; its AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are used when present. */
    public static Wiring from(Map<String, String> env) {
        return from(env, PinnedCdkCli.packaged());
    }

    /**
     * As {@link #from(Map)}, as if the package had been built with {@code cdk} pinned: the sandbox deploys
     * the functions of an older pin this way to show an upgrade (bootstrapctl sandbox --upgrade-cdk-from).
     */
    public static Wiring from(Map<String, String> env, PinnedCdkCli cdk) {
        return new Wiring(env, AwsClients.from(env, true), cdk);
    }

    /** An explicit environment over given clients (tests, benchmarks). */
    public static Wiring from(Map<String, String> env, AwsClients clients) {
        return new Wiring(env, clients, PinnedCdkCli.packaged());
    }

    /** The priming a Lambda container registers at init (see {@link SnapStartPriming}). */
    public SnapStartPriming priming() {
        return new SnapStartPriming(clients);
    }

    public LoadConfigStep loadConfigStep() {
        return new LoadConfigStep(new S3ObjectStore(clients.s3()), new LoadConfigStep.Settings(
                settings.configBucket(), settings.configKey(), RunLayout.RUNS_ROOT,
                settings.mapMaxConcurrency(), settings.approvalRequiredFor()), guardrails());
    }

    /** The pipeline accounts, the organization and whether the management account may be a target. */
    private Guardrails guardrails() {
        String organization = settings.organizationId();
        return new Guardrails(new Guardrails.Settings(settings.pipelineAccounts(), organization,
                settings.allowManagementAccount()),
                clients.ownMembership(), organization == null ? session -> {
                    throw new IllegalStateException("no organization checks without ORGANIZATION_ID");
                } : targetConnector());
    }

    public PrepareTargetStep prepareTargetStep() {
        return new PrepareTargetStep(targetConnector(), targetLock(), waitPolicy(), toolkitRequirements(),
                settings.organizationId(), clock);
    }

    public VerifyTargetStep verifyTargetStep() {
        return new VerifyTargetStep(targetConnector(), waitPolicy(), toolkitRequirements(), clock);
    }

    public StartBootstrapStep startBootstrapStep() {
        return new StartBootstrapStep(new CodeBuildRunner(clients.codeBuild()), new StartBootstrapStep.Settings(
                required(settings.buildProjectName(), "BUILD_PROJECT_NAME"),
                required(settings.targetRoleName(), "TARGET_ROLE_NAME"), cdk.cliVersion(),
                toolkitRequirements().permissionsBoundary()),
                waitPolicy(), clock);
    }

    public CheckBootstrapStep checkBootstrapStep() {
        return new CheckBootstrapStep(new CodeBuildRunner(clients.codeBuild()), waitPolicy(), clock);
    }

    public RecordResultStep recordResultStep() {
        return new RecordResultStep(new S3ObjectStore(clients.s3()), targetLock(), clock);
    }

    public SummarizeStep summarizeStep() {
        Optional<Notifier> notifier = notifier();
        return new SummarizeStep(new S3ObjectStore(clients.s3()), notifier,
                new PowertoolsRunMetrics(settings.metricsNamespace()));
    }

    public ReviewChangesStep reviewChangesStep() {
        return new ReviewChangesStep(new S3ObjectStore(clients.s3()), toolkitRequirements().pinnedVersion(),
                approvalTimeout());
    }

    /** STACK_NAME (for the commands in the message; a placeholder when unset) and APPROVAL_TIMEOUT_HOURS. */
    public RequestApprovalStep requestApprovalStep() {
        return new RequestApprovalStep(new S3ObjectStore(clients.s3()), notifier(), new RequestApprovalStep.Settings(
                Optional.ofNullable(settings.stackName()).orElse("<stack>"),
                approvalTimeout()), clock);
    }

    private Duration approvalTimeout() {
        return Duration.ofHours(settings.approvalTimeoutHours());
    }

    public NewAccountStep newAccountStep() {
        return new NewAccountStep(new S3ObjectStore(clients.s3()), new SfnExecutionStarter(clients.sfn()),
                new NewAccountStep.Settings(required(settings.configBucket(), "CONFIG_BUCKET"),
                        required(settings.configKey(), "CONFIG_KEY"), required(settings.stateMachineArn(), "STATE_MACHINE_ARN")));
    }

    private Optional<Notifier> notifier() {
        return Optional.ofNullable(settings.reportTopicArn()).map(topic -> new SnsNotifier(clients.sns(), topic));
    }

    private StsTargetConnector targetConnector() {
        return new StsTargetConnector(clients, required(settings.targetRoleName(), "TARGET_ROLE_NAME"),
                settings.targetRoleExternalId());
    }

    private TargetLock targetLock() {
        return new TargetLock(new S3ObjectStore(clients.s3()), waitPolicy().lease(), clock);
    }

    /** BUILD_POLL_SECONDS, BUILD_DEADLINE_MINUTES and TOOLKIT_BUSY_WAIT_MINUTES (0: as long as a lease lasts). */
    private WaitPolicy waitPolicy() {
        return new WaitPolicy(Duration.ofSeconds(settings.buildPollSeconds()),
                Duration.ofMinutes(settings.buildDeadlineMinutes()),
                Duration.ofMinutes(settings.toolkitBusyWaitMinutes()));
    }

    /** The pinned CLI's template version and TOOLKIT_PERMISSIONS_BOUNDARY (optional), checked here at init. */
    private ToolkitRequirements toolkitRequirements() {
        try {
            return new ToolkitRequirements(cdk.templateVersion(), settings.toolkitPermissionsBoundary());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable TOOLKIT_PERMISSIONS_BOUNDARY: " + e.getMessage());
        }
    }
}
