package dev.cdkbootstrap.sandbox.codebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.emulator.MotoServer;
import dev.cdkbootstrap.sandbox.front.FrontEndpoint;
import dev.cdkbootstrap.sandbox.front.MotoForwarder;
import dev.cdkbootstrap.sandbox.quirks.DescribeStacksListParameters;
import dev.cdkbootstrap.sandbox.sts.AssumeRoleGuard;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.BuildPhaseType;
import software.amazon.awssdk.services.codebuild.model.StatusType;
import software.amazon.awssdk.services.sts.model.StsException;

/** Local CodeBuild runs a real {@code cdk bootstrap} through the front endpoint into a 12-digit account. */
class LocalCodeBuildIT {
    private static final String REGION = "eu-west-1";
    private static final String TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
             "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"ext-1"}}}]}""";
    private static MotoServer moto;
    private static FrontEndpoint front;
    private static LocalCodeBuild codeBuild;
    private static EmulatorClients clients;

    @BeforeAll
    static void start() throws Exception {
        Path work = Path.of("target/sandbox-it/codebuild");
        Path root = Path.of(System.getProperty("sandbox.projectRoot", ".."));
        int frontPort = MotoServer.freePort();
        moto = MotoServer.startWithCallbackPort(frontPort, work.resolve("moto.log"));
        codeBuild = new LocalCodeBuild(Toolchain.prepare(root, work, List.of("333333333333/eu-west-1")), work, 2, System.out);
        front = FrontEndpoint.start(frontPort, new MotoForwarder(moto.endpoint()),
                List.of(new AssumeRoleGuard(), codeBuild), List.of(new DescribeStacksListParameters()), System.out);
        codeBuild.endpoint(front.endpoint());
        codeBuild.register(new BuildProject("bootstrap", REGION, EmulatorClients.MOTO_DEFAULT_ACCOUNT,
                Path.of("src/test/resources/codebuild/bootstrap-spike.yml"),
                Map.of("TARGET_ROLE_EXTERNAL_ID", "ext-1")));
        clients = new EmulatorClients(front.endpoint(), REGION);
        for (String account : List.of("222222222222", "333333333333")) {
            clients.inAccount(account, REGION).iam().createRole(b -> b.roleName("bootstrap-role").assumeRolePolicyDocument(TRUST_POLICY));
        }
    }

    @AfterAll
    static void stop() {
        if (codeBuild != null) codeBuild.close();
        if (front != null) front.close();
        if (moto != null) moto.close();
    }

    @Test
    void aBuildRunsTheBuildspecAndBootstrapsTheTargetAccount() throws Exception {
        Build build = awaitBuild(startBuild("222222222222", "tok-1"));

        assertThat(build.buildStatus()).as("log: %s", build.logs().deepLink()).isEqualTo(StatusType.SUCCEEDED);
        var target = clients.inAccount("222222222222", REGION);
        var stack = target.cloudFormation().describeStacks(b -> b.stackName("CDKToolkit")).stacks().get(0);
        assertThat(stack.parameters()).anySatisfy(p -> {
            assertThat(p.parameterKey()).isEqualTo("TrustedAccounts");
            assertThat(p.parameterValue()).isEqualTo("111111111111,999999999999");
        });
        assertThat(target.ssm().getParameter(b -> b.name("/cdk-bootstrap/hnb659fds/version")).parameter().value()).isEqualTo("33");
        assertThat(awaitBuild(startBuild("222222222222", "tok-1")).id()).as("same idempotency token, same build").isEqualTo(build.id());
    }

    @Test
    void aFailingBuildNamesItsFailedPhase() throws Exception {
        Build build = awaitBuild(startBuild("333333333333", "tok-2"));

        assertThat(build.buildStatus()).isEqualTo(StatusType.FAILED);
        assertThat(build.phases()).anySatisfy(p -> {
            assertThat(p.phaseType()).isEqualTo(BuildPhaseType.BUILD);
            assertThat(p.phaseStatus()).isEqualTo(StatusType.FAILED);
        });
    }

    @Test
    void assumeRoleIsDeniedWithAWrongExternalId() {
        assertThatThrownBy(() -> clients.sts().assumeRole(b -> b.roleArn("arn:aws:iam::222222222222:role/bootstrap-role")
                .roleSessionName("s").externalId("wrong")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                });
    }

    @Test
    void assumeRoleIsDeniedWhenTheRoleDoesNotExist() {
        assertThatThrownBy(() -> clients.sts().assumeRole(b -> b.roleArn("arn:aws:iam::444444444444:role/bootstrap-role")
                .roleSessionName("s").externalId("ext-1")))
                .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    }

    @Test
    void assumeRoleWithTheRightExternalIdGivesCredentialsOfTheTargetAccount() {
        var credentials = clients.sts().assumeRole(b -> b.roleArn("arn:aws:iam::222222222222:role/bootstrap-role")
                .roleSessionName("s").externalId("ext-1")).assumedRoleUser();
        assertThat(credentials.arn()).contains("222222222222");
    }

    private static String startBuild(String account, String token) {
        Map<String, String> env = Map.of("TARGET_ACCOUNT", account, "TARGET_REGION", REGION, "TARGET_PARTITION", "aws",
                "TARGET_ROLE_NAME", "bootstrap-role", "TRUST", "111111111111,999999999999",
                "EXECUTION_POLICIES", "arn:aws:iam::aws:policy/AdministratorAccess",
                "CDK_VERSION", dev.cdkbootstrap.handler.PinnedCdkCli.packaged().cliVersion());
        return clients.codeBuild().startBuild(b -> b.projectName("bootstrap").idempotencyToken(token)
                .environmentVariablesOverride(env.entrySet().stream()
                        .map(e -> EnvironmentVariable.builder().name(e.getKey()).value(e.getValue()).build()).toList()))
                .build().id();
    }

    private static Build awaitBuild(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        Build build;
        do {
            Thread.sleep(500);
            build = clients.codeBuild().batchGetBuilds(b -> b.ids(id)).builds().get(0);
        } while (!build.buildComplete() && Instant.now().isBefore(deadline));
        return build;
    }
}
