package dev.cdkbootstrap.aws;

import dev.cdkbootstrap.workflow.error.BuildThrottled;
import dev.cdkbootstrap.workflow.model.BuildInfo;
import dev.cdkbootstrap.workflow.model.BuildStatus;
import dev.cdkbootstrap.workflow.port.BuildRunner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;
import software.amazon.awssdk.services.codebuild.model.CodeBuildException;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;

/**
 * {@link BuildRunner} on CodeBuild. Throttling that outlasts the SDK's own retries (a refusal to
 * start a build now, e.g. a full queue, or a throttled status read or stop) becomes {@link BuildThrottled},
 * which the workflow waits out instead of failing a target whose build may still be running.
 */
public final class CodeBuildRunner implements BuildRunner {
    private static final Set<String> THROTTLED = Set.of("AccountLimitExceededException", "ThrottlingException",
            "Throttling", "TooManyRequestsException", "ResourceLimitExceededException");

    private final CodeBuildClient codeBuild;

    public CodeBuildRunner(CodeBuildClient codeBuild) {
        this.codeBuild = codeBuild;
    }

    @Override
    public BuildInfo start(String projectName, Map<String, String> environment, String idempotencyToken) {
        try {
            Build build = codeBuild.startBuild(r -> r.projectName(projectName).idempotencyToken(idempotencyToken)
                    .environmentVariablesOverride(environment.entrySet().stream()
                            .map(e -> EnvironmentVariable.builder().name(e.getKey()).value(e.getValue())
                                    .type(EnvironmentVariableType.PLAINTEXT).build())
                            .toList())).build();
            return view(build);
        } catch (CodeBuildException e) {
            throw throttledOr(e, "CodeBuild refused to start a build of " + projectName + " now");
        }
    }

    @Override
    public BuildInfo get(String buildId) {
        try {
            return codeBuild.batchGetBuilds(r -> r.ids(buildId)).builds().stream().findFirst().map(CodeBuildRunner::view)
                    .orElseThrow(() -> new IllegalStateException("CodeBuild has no build " + buildId));
        } catch (CodeBuildException e) {
            throw throttledOr(e, "CodeBuild did not report build " + buildId + " now");
        }
    }

    @Override
    public void stop(String buildId) {
        try {
            codeBuild.stopBuild(r -> r.id(buildId));
        } catch (CodeBuildException e) {
            throw throttledOr(e, "CodeBuild did not stop build " + buildId + " now");
        }
    }

    /** The exception to throw for {@code e}: {@link BuildThrottled} when CodeBuild throttled us, else {@code e}. */
    private static RuntimeException throttledOr(CodeBuildException e, String what) {
        if (THROTTLED.contains(AwsErrors.code(e)) || e.isThrottlingException()) {
            return new BuildThrottled(what + ": " + AwsErrors.message(e), e);
        }
        return e;
    }

    static BuildInfo view(Build build) {
        BuildStatus status = switch (build.buildStatusAsString() == null ? "IN_PROGRESS" : build.buildStatusAsString()) {
            case "SUCCEEDED" -> BuildStatus.SUCCEEDED;
            case "FAILED" -> BuildStatus.FAILED;
            case "FAULT" -> BuildStatus.FAULT;
            case "STOPPED" -> BuildStatus.STOPPED;
            case "TIMED_OUT" -> BuildStatus.TIMED_OUT;
            default -> BuildStatus.IN_PROGRESS;
        };
        String failedPhase = status == BuildStatus.SUCCEEDED || status == BuildStatus.IN_PROGRESS ? null
                : build.phases().stream()
                        .filter(p -> p.phaseStatusAsString() != null && !"SUCCEEDED".equals(p.phaseStatusAsString()))
                        .map(BuildPhase::phaseTypeAsString).findFirst().orElse(null);
        return new BuildInfo(build.id(), status, logsUrl(build), failedPhase, status.ended() ? build.endTime() : null,
                runningSince(build));
    }

    /**
     * When the build left the queue: the start of its first phase after SUBMITTED and QUEUED; null while it
     * is queued. A build CodeBuild reports without phases (some emulators) counts as running from its start.
     */
    static Instant runningSince(Build build) {
        if (!build.hasPhases() || build.phases().isEmpty()) {
            return "QUEUED".equals(build.currentPhase()) ? null : build.startTime();
        }
        return build.phases().stream()
                .filter(p -> !"SUBMITTED".equals(p.phaseTypeAsString()) && !"QUEUED".equals(p.phaseTypeAsString()))
                .map(BuildPhase::startTime).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
    }

    /**
     * CodeBuild's own deep link once its log stream exists, else the build's console page (right
     * after StartBuild the deep link names {@code group=null;stream=null}). That page is built by
     * hand only in partition {@code aws}, whose console is {@code https://<region>.console.aws.amazon.com}
     * (AWS General Reference, "AWS Management Console endpoints"); the consoles of the other partitions
     * (China, GovCloud, ISO, European Sovereign Cloud) have their own domains, so there the link waits
     * for CodeBuild's, which it makes for its own partition: {@code null} until then.
     */
    static String logsUrl(Build build) {
        if (build.logs() != null && build.logs().deepLink() != null && build.logs().groupName() != null
                && !build.logs().deepLink().contains("group=null")) {
            return build.logs().deepLink();
        }
        String arn = build.arn();
        String[] parts = arn == null ? new String[0] : arn.split(":");
        if (parts.length < 6 || !"aws".equals(parts[1])) {
            return null;
        }
        String region = parts[3];
        String account = parts[4];
        return "https://" + region + ".console.aws.amazon.com/codesuite/codebuild/" + account + "/projects/"
                + build.projectName() + "/build/" + URLEncoder.encode(build.id(), StandardCharsets.UTF_8)
                + "/?region=" + region;
    }
}
