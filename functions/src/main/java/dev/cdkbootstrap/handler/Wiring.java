package dev.cdkbootstrap.handler;

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
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds every step from an environment map (docs/contracts.md, "Environment variables") and the
 * pinned CDK CLI this package was built with ({@link PinnedCdkCli#packaged()}). Lambda uses
 * {@link #fromEnvironment()} (once per container); the offline sandbox calls {@link #from(Map)}
 * in-process with the emulator's endpoint, region and credentials. Settings are read here, at
 * init; nothing unique or credential-like is created (SnapStart).
 */
public final class Wiring {
    private static Wiring environment;
    /** Held here: the CRaC context keeps its resources weakly. */
    private static SnapStartPriming priming;

    private final Map<String, String> env;
    private final AwsClients clients;
    private final PinnedCdkCli cdk;
    private final Clock clock = Clock.systemUTC();

    private Wiring(Map<String, String> env, AwsClients clients, PinnedCdkCli cdk) {
        this.env = Map.copyOf(env);
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
                optional("CONFIG_BUCKET"), optional("CONFIG_KEY"), runPrefix(),
                integer("MAP_MAX_CONCURRENCY", 10),
                Optional.ofNullable(optional("APPROVAL_REQUIRED_FOR")).orElse("none")), guardrails());
    }

    /**
     * PIPELINE_ACCOUNTS (comma-separated; unset: any), ORGANIZATION_ID ({@code o-...} or NONE; unset
     * means NONE) and ALLOW_MANAGEMENT_ACCOUNT (default false), the template's parameters.
     */
    private Guardrails guardrails() {
        Set<String> pipelines = Optional.ofNullable(optional("PIPELINE_ACCOUNTS")).stream()
                .flatMap(list -> Arrays.stream(list.split(","))).map(String::trim).filter(a -> !a.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        String organization = organizationId();
        return new Guardrails(new Guardrails.Settings(pipelines, organization, flag("ALLOW_MANAGEMENT_ACCOUNT")),
                clients.ownMembership(), organization == null ? session -> {
                    throw new IllegalStateException("no organization checks without ORGANIZATION_ID");
                } : targetConnector());
    }

    private String organizationId() {
        String value = optional("ORGANIZATION_ID");
        return value == null || "NONE".equals(value) ? null : value;
    }

    private boolean flag(String name) {
        String value = optional(name);
        if (value != null && !value.equals("true") && !value.equals("false")) {
            throw new IllegalStateException("environment variable " + name + " is not true or false: " + value);
        }
        return "true".equals(value);
    }

    public PrepareTargetStep prepareTargetStep() {
        return new PrepareTargetStep(targetConnector(), targetLock(), waitPolicy(), toolkitRequirements(),
                organizationId(), clock);
    }

    public VerifyTargetStep verifyTargetStep() {
        return new VerifyTargetStep(targetConnector(), waitPolicy(), toolkitRequirements(), clock);
    }

    public StartBootstrapStep startBootstrapStep() {
        return new StartBootstrapStep(new CodeBuildRunner(clients.codeBuild()), new StartBootstrapStep.Settings(
                required("BUILD_PROJECT_NAME"), required("TARGET_ROLE_NAME"), cdk.cliVersion(),
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
        String namespace = Optional.ofNullable(optional("POWERTOOLS_METRICS_NAMESPACE")).orElse("CdkBootstrap");
        return new SummarizeStep(new S3ObjectStore(clients.s3()), notifier, new PowertoolsRunMetrics(namespace));
    }

    public ReviewChangesStep reviewChangesStep() {
        return new ReviewChangesStep(new S3ObjectStore(clients.s3()), toolkitRequirements().pinnedVersion(),
                approvalTimeout());
    }

    /** STACK_NAME (for the commands in the message) and APPROVAL_TIMEOUT_HOURS (default 24). */
    public RequestApprovalStep requestApprovalStep() {
        return new RequestApprovalStep(new S3ObjectStore(clients.s3()), notifier(), new RequestApprovalStep.Settings(
                Optional.ofNullable(optional("STACK_NAME")).orElse("<stack>"),
                approvalTimeout()), clock);
    }

    private Duration approvalTimeout() {
        return Duration.ofHours(integer("APPROVAL_TIMEOUT_HOURS", 24));
    }

    public NewAccountStep newAccountStep() {
        return new NewAccountStep(new S3ObjectStore(clients.s3()), new SfnExecutionStarter(clients.sfn()),
                new NewAccountStep.Settings(required("CONFIG_BUCKET"), required("CONFIG_KEY"),
                        required("STATE_MACHINE_ARN")));
    }

    private Optional<Notifier> notifier() {
        return Optional.ofNullable(optional("REPORT_TOPIC_ARN")).map(topic -> new SnsNotifier(clients.sns(), topic));
    }

    private StsTargetConnector targetConnector() {
        return new StsTargetConnector(clients, required("TARGET_ROLE_NAME"), optional("TARGET_ROLE_EXTERNAL_ID"));
    }

    private TargetLock targetLock() {
        return new TargetLock(new S3ObjectStore(clients.s3()), waitPolicy().lease(), clock);
    }

    /**
     * BUILD_POLL_SECONDS (default 30), BUILD_DEADLINE_MINUTES (default 30) and TOOLKIT_BUSY_WAIT_MINUTES
     * (default 0: as long as a lease lasts), the template's parameters.
     */
    private WaitPolicy waitPolicy() {
        return new WaitPolicy(Duration.ofSeconds(integer("BUILD_POLL_SECONDS", 30)),
                Duration.ofMinutes(integer("BUILD_DEADLINE_MINUTES", 30)),
                Duration.ofMinutes(integer("TOOLKIT_BUSY_WAIT_MINUTES", 0)));
    }

    /** The pinned CLI's template version and TOOLKIT_PERMISSIONS_BOUNDARY (optional), checked here at init. */
    private ToolkitRequirements toolkitRequirements() {
        try {
            return new ToolkitRequirements(cdk.templateVersion(), optional("TOOLKIT_PERMISSIONS_BOUNDARY"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable TOOLKIT_PERMISSIONS_BOUNDARY: " + e.getMessage());
        }
    }

    private String runPrefix() {
        return Optional.ofNullable(optional("RUN_PREFIX")).orElse("runs/");
    }

    private String optional(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    private String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    private int integer(String name, int fallback) {
        String value = optional(name);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " is not a number: " + value);
        }
    }
}
