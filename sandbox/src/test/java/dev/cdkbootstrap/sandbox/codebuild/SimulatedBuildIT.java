package dev.cdkbootstrap.sandbox.codebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdkbootstrap.sandbox.RealCdkBootstrap;
import dev.cdkbootstrap.sandbox.RealCdkBootstrap.Run;
import dev.cdkbootstrap.sandbox.Sandbox;
import dev.cdkbootstrap.sandbox.emulator.EmulatorClients;
import dev.cdkbootstrap.sandbox.toolkit.GivenFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * A simulated build leaves the same observable state as the real pinned {@code cdk bootstrap} for the
 * same starting state and the same command: stack status, every parameter, every output (account
 * ids aside), the SSM version parameter, and the build's success.
 */
class SimulatedBuildIT {
    private static final String REGION = "eu-west-1";
    private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    private static final Path WORK = Path.of("target/sandbox-it/simulated");
    private static Sandbox sandbox;
    private static EmulatorClients clients;
    private static SimulatedBuilds simulated;
    private static int next = 1;

    /** A starting state (--given entry without target, or null for none) and the buildspec's TRUST, UNTRUST, EXECUTION_POLICIES. */
    record Case(String name, String given, String trust, String untrust, String policies) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("no toolkit: created", null, "111111111111,222222222222", "", ADMIN),
                new Case("older version: updated, --trust replaces, --untrust empties lookup",
                        "version: 30\n  trust: [\"111111111111\"]\n  trustForLookup: [\"444444444444\"]",
                        "333333333333", "444444444444", ADMIN),
                new Case("trust omitted: deployed kept minus --untrust",
                        "trust: [\"111111111111\", \"222222222222\"]", "", "222222222222", ADMIN),
                new Case("custom variant: not overwritten", "variant: \"Acme: hardened\"\n  version: 30", "333333333333", "", ADMIN),
                new Case("newer version: not downgraded", "version: 99", "333333333333", "", ADMIN),
                new Case("nothing changed: SSM parameter deleted by hand stays deleted",
                        "trust: [\"111111111111\"]\n  ssmVersion: missing", "111111111111", "", ADMIN),
                new Case("ROLLBACK_COMPLETE: deleted and created", "status: ROLLBACK_COMPLETE", "111111111111", "", ADMIN),
                new Case("REVIEW_IN_PROGRESS: created", "status: REVIEW_IN_PROGRESS", "111111111111", "", ADMIN));
    }

    @BeforeAll
    static void start() throws Exception {
        BuildSettings settings = new BuildSettings(List.of(), List.of(), 2, true);
        sandbox = Sandbox.start(RealCdkBootstrap.projectRoot(), WORK, settings);
        clients = sandbox.clients();
        simulated = new SimulatedBuilds(clients, sandbox.toolkitStacks(), settings, System.out);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aSimulatedBuildLeavesWhatTheRealCliLeaves(Case c) throws Exception {
        String real = account();
        String simulation = account();
        RealCdkBootstrap.createRoles(clients, real, simulation);
        if (c.given() != null) {
            given(real, c.given());
            given(simulation, c.given());
        }
        List<String> args = new ArrayList<>();
        if (!c.trust().isEmpty()) {
            args.addAll(List.of("--trust", c.trust()));
        }
        for (String account : c.untrust().isEmpty() ? new String[0] : c.untrust().split(",")) {
            args.addAll(List.of("--untrust", account));
        }
        args.addAll(List.of("--cloudformation-execution-policies", c.policies()));
        Run run = RealCdkBootstrap.bootstrap(clients, WORK, real, REGION, args.toArray(String[]::new));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SimulatedBuilds.Result result = simulated.bootstrap(env(simulation, c), new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(result.status()).as(log.toString(StandardCharsets.UTF_8)).isEqualTo("SUCCEEDED");
        assertThat(observed(simulation)).as("simulated vs real; real CLI said:%n%s%nsimulation said:%n%s", run.output(),
                log.toString(StandardCharsets.UTF_8)).isEqualTo(observed(real));
    }

    /** The build environment StartBootstrap and the project give (names per the buildspec). */
    private static Map<String, String> env(String account, Case c) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TARGET_ACCOUNT", account);
        env.put("TARGET_REGION", REGION);
        env.put("TARGET_PARTITION", "aws");
        env.put("TARGET_ROLE_NAME", RealCdkBootstrap.ROLE);
        env.put("TARGET_ROLE_EXTERNAL_ID", RealCdkBootstrap.EXTERNAL_ID);
        env.put("TRUST", c.trust());
        env.put("UNTRUST", c.untrust());
        env.put("EXECUTION_POLICIES", c.policies());
        env.put("QUALIFIER", "hnb659fds");
        env.put("TOOLKIT_STACK_NAME", "CDKToolkit");
        env.put("CDK_VERSION", dev.cdkbootstrap.handler.PinnedCdkCli.packaged().cliVersion());
        return env;
    }

    private static String account() {
        return String.format("3%011d", next++);
    }

    private static void given(String account, String entry) {
        String file = "toolkits:\n- target: \"" + account + "/" + REGION + "\"\n  " + entry + "\n";
        GivenFile.parse("given.yml", file.getBytes(StandardCharsets.UTF_8)).forEach(s -> sandbox.toolkitStacks().put(clients, s));
    }

    /** Status, parameters, outputs (the account id replaced) and the SSM version of the toolkit in {@code account}. */
    private static Map<String, Object> observed(String account) {
        Map<String, Object> seen = new LinkedHashMap<>();
        Stack stack = RealCdkBootstrap.stack(clients, account, REGION, "CDKToolkit");
        seen.put("status", stack.stackStatusAsString());
        Map<String, String> parameters = new TreeMap<>();
        stack.parameters().forEach(p -> parameters.put(p.parameterKey(), p.parameterValue()));
        seen.put("parameters", parameters);
        Map<String, String> outputs = new TreeMap<>();
        stack.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue().replace(account, "ACCOUNT")));
        seen.put("outputs", outputs);
        seen.put("ssm", String.valueOf(RealCdkBootstrap.ssmVersion(clients, account, REGION, "hnb659fds")));
        return seen;
    }
}
