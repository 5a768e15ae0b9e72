package dev.cdkbootstrap.sandbox;

import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Test support for the emulator ITs: target accounts with the bootstrap role, the pinned CDK CLI run
 * against the front endpoint with the role's credentials (as the buildspec does), and reads of a
 * toolkit stack through the front endpoint.
 */
public final class RealCdkBootstrap {
    public static final String ROLE = "bootstrap-role";
    public static final String EXTERNAL_ID = "ext-1";
    private static final String TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
             "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"%s"}}}]}""".formatted(EXTERNAL_ID);

    /** What a CLI run ended with. */
    public record Run(int exitCode, String output) {}

    private RealCdkBootstrap() {}

    public static Path projectRoot() {
        return Path.of(System.getProperty("sandbox.projectRoot", "..")).toAbsolutePath().normalize();
    }

    /** Creates the bootstrap role (ExternalId {@value #EXTERNAL_ID}) in each account. */
    public static void createRoles(EmulatorClients clients, String... accounts) {
        for (String account : accounts) {
            try (EmulatorClients in = clients.inAccount(account, "us-east-1"); var iam = in.iam()) {
                iam.createRole(b -> b.roleName(ROLE).assumeRolePolicyDocument(TRUST_POLICY));
            }
        }
    }

    /** {@code cdk bootstrap aws://ACCOUNT/REGION ARGS} with the pinned CLI, as the target role, through the front endpoint. */
    public static Run bootstrap(EmulatorClients clients, Path workDir, String account, String region, String... args)
            throws IOException, InterruptedException {
        Credentials credentials;
        try (var sts = clients.sts()) {
            credentials = sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + account + ":role/" + ROLE)
                    .roleSessionName("it").externalId(EXTERNAL_ID)).credentials();
        }
        List<String> command = new ArrayList<>(List.of(projectRoot().resolve("node_modules/.bin/cdk").toString(), "bootstrap",
                "aws://" + account + "/" + region));
        command.addAll(List.of(args));
        Path home = Files.createDirectories(workDir.resolve("home"));
        Path log = Files.createTempFile(Files.createDirectories(workDir), "cdk-" + account + "-", ".log");
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = process.environment();
        env.putAll(Map.of("AWS_ENDPOINT_URL", clients.endpoint().toString(), "AWS_REGION", region,
                "AWS_ACCESS_KEY_ID", credentials.accessKeyId(), "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey(),
                "AWS_SESSION_TOKEN", credentials.sessionToken(), "HOME", home.toString(), "CI", "true",
                "CDK_DISABLE_VERSION_CHECK", "true", "CDK_DISABLE_CLI_TELEMETRY", "true",
                "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED", "true")); // as the buildspec sets it
        Process running = process.start();
        if (!running.waitFor(3, TimeUnit.MINUTES)) {
            running.destroyForcibly();
            throw new IllegalStateException("cdk bootstrap did not end within 3 minutes; see " + log);
        }
        return new Run(running.exitValue(), Files.readString(log));
    }

    /** The toolkit stack as DescribeStacks answers through the front endpoint. */
    public static Stack stack(EmulatorClients clients, String account, String region, String stackName) {
        try (EmulatorClients in = clients.inAccount(account, region); var cfn = in.cloudFormation()) {
            return cfn.describeStacks(b -> b.stackName(stackName)).stacks().get(0);
        }
    }

    public static String parameter(Stack stack, String key) {
        return stack.parameters().stream().filter(p -> p.parameterKey().equals(key)).map(p -> p.parameterValue())
                .findFirst().orElseThrow(() -> new AssertionError("no parameter " + key + " in " + stack.parameters()));
    }

    public static String output(Stack stack, String key) {
        return stack.outputs().stream().filter(o -> o.outputKey().equals(key)).map(o -> o.outputValue())
                .findFirst().orElse(null);
    }

    /** The SSM version parameter's value, or null when it does not exist. */
    public static String ssmVersion(EmulatorClients clients, String account, String region, String qualifier) {
        try (EmulatorClients in = clients.inAccount(account, region); var ssm = in.ssm()) {
            return ssm.getParameter(b -> b.name("/cdk-bootstrap/" + qualifier + "/version")).parameter().value();
        } catch (software.amazon.awssdk.services.ssm.model.ParameterNotFoundException e) {
            return null;
        }
    }
}
